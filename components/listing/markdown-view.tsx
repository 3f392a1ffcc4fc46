import Markdown from "react-markdown";
import { ALLOWED_ELEMENTS, LINK_REL, safeHref } from "@/lib/listing/markdown";

/**
 * Renders listing rich text the way the Marketplace does. Only the Markdown subset becomes
 * elements; raw HTML is never rendered, and links are limited to http(s) and mailto.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      <Markdown
        allowedElements={[...ALLOWED_ELEMENTS]}
        unwrapDisallowed
        skipHtml
        urlTransform={(url) => safeHref(url) ?? ""}
        components={{
          a: ({ href, children }) =>
            safeHref(href) ? (
              <a href={safeHref(href)} rel={LINK_REL} target="_blank" className="text-brand-700 underline">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          ul: ({ children }) => <ul className="my-2 list-disc pl-5">{children}</ul>,
          ol: ({ children }) => <ol className="my-2 list-decimal pl-5">{children}</ol>,
          p: ({ children }) => <p className="my-2">{children}</p>,
        }}
      >
        {source}
      </Markdown>
    </div>
  );
}
