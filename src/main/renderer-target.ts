// Where the window's page comes from, and how to recognise it: the built renderer file (out/renderer/index.html), or
// electron-vite's dev server in development. IPC trusts only frames showing this page.
import { pathToFileURL } from 'node:url';

export interface RendererTarget {
  /** loadURL argument or loadFile path. */
  load: { url: string } | { file: string };
  isAppUrl: (url: string) => boolean;
}

const withoutHash = (url: string): string => url.split('#', 1)[0] ?? url;

export function rendererTarget(options: { indexPath: string; devServerUrl?: string | undefined }): RendererTarget {
  if (options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin;
    return {
      load: { url: options.devServerUrl },
      isAppUrl: (url) => URL.canParse(url) && new URL(url).origin === origin,
    };
  }
  const page = pathToFileURL(options.indexPath).href;
  return { load: { file: options.indexPath }, isAppUrl: (url) => withoutHash(url) === page };
}
