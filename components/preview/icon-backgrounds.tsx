/** The icon on a light and on a dark background, as the Marketplace shows it in both themes. */
export function IconBackgrounds({ src, name }: { src: string | null; name: string }) {
  if (!src) return null;
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600" aria-label="Icon on light and dark backgrounds">
      {[
        ["Light", "bg-white"],
        ["Dark", "bg-[#212529]"],
      ].map(([label, bg]) => (
        <span key={label} className={`flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1 ${bg}`}>
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our own routes */}
          <img src={src} alt={`${name} icon on ${label!.toLowerCase()} background`} className="size-6 rounded" />
          {[20, 32].map((size) => (
            // eslint-disable-next-line @next/next/no-img-element -- served by our own routes
            <img key={size} src={src} alt="" style={{ width: size, height: size }} className="rounded" />
          ))}
          <span className={label === "Dark" ? "text-white" : ""}>{label}</span>
        </span>
      ))}
    </div>
  );
}
