import { hashToken, newToken } from "@/lib/crypto/token";

/** `lst_` and a token. Only the SHA-256 is stored; the token is shown once. */
export const newApiToken = () => `lst_${newToken()}`;
export const hashApiToken = hashToken;
