// Channel names of the auth area (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const AUTH_CHANNELS = [
  'auth:setup',
  'auth:users',
  'auth:signIn',
  'auth:signOut',
  'auth:session',
  'auth:approve',
  'auth:createUser',
  'auth:changePin',
  'auth:setActive',
] as const;
