// IPC contract entries of the reports area, merged into ipcContract (contract.ts). Names are listed in channels-reports.ts.
export const reportsContract = {} as const;
