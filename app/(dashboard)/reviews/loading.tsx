import { PageSkeleton } from "@/components/ui/page-skeleton";

// Page-level only: a loading boundary above an app's pages would turn their 404s into 200s.
export default PageSkeleton;
