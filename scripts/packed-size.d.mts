// Types for the size script's test (the script itself is plain JavaScript, run by `npm run size`).
export declare function filesGlobs(yamlText: string): string[];
export declare function globToRegExp(glob: string): RegExp;
export declare function matcher(globs: string[]): (path: string) => boolean;
export declare function productionClosure(dir: string): Map<string, string>;
