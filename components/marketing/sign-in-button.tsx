import { signInWithPipedrive } from "@/lib/actions/session";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export function SignInButton({
  callbackUrl = "/apps",
  size = "md",
  variant = "primary",
  className,
}: {
  callbackUrl?: string;
  size?: "md" | "lg";
  variant?: "primary" | "inverse";
  className?: string;
}) {
  return (
    <form action={signInWithPipedrive}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={cn(buttonVariants({ size, variant }), className)}>
        <PipedriveMark />
        Sign in with Pipedrive
      </button>
    </form>
  );
}

function PipedriveMark() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="currentColor">
      <path d="M12.6 3C9.1 3 7.6 5 7.4 6.1V3.5H3.9v3.3h1.3v13.7H9V15.4c.9.9 2.2 1.4 3.6 1.4 3.4 0 6.1-2.9 6.1-6.9S16.4 3 12.6 3Zm-.8 10.4c-1.8 0-2.9-1.6-2.9-3.5 0-2.2 1.2-3.5 2.9-3.5 1.6 0 2.9 1.4 2.9 3.5 0 2.2-1.3 3.5-2.9 3.5Z" />
    </svg>
  );
}
