// The preload exposes one named method per IPC contract entry (see src/shared). The contract is empty until the
// checkout arrives; the bridge already exists so the renderer can detect that it runs inside the desktop app.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('sago', Object.freeze({ runtime: 'desktop' as const }));
