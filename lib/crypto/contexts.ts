/**
 * What each sealed column is bound to (the box's associated data): a value copied to another row or
 * column does not open. Key rotation walks the same list.
 */
export const clientSecretContext = (appId: string) => `app:${appId}:client-secret`;
export const handoffSecretContext = (appId: string) => `app:${appId}:handoff-secret`;
export const webhookSecretContext = (webhookId: string) => `webhook:${webhookId}:secret`;
export const outboxBodyContext = (appId: string) => `outbox:${appId}`;
export const crmTokenContext = (workspaceId: string, kind: "access" | "refresh") => `crm:${workspaceId}:${kind}`;
