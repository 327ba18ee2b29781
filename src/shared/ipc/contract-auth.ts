// IPC contract entries of the auth area, merged into ipcContract (contract.ts). Names are listed in channels-auth.ts.
export const authContract = {} as const;
