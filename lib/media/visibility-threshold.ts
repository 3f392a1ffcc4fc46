/** Below this share of standing-out pixels, an icon disappears into the background. */
export const MIN_VISIBLE_SHARE = 0.08;
