// Types of scripts/entry.mjs, for the tests that import it.
export declare const SOURCE_FOLDERS: string[];
export declare function newestSourceTime(root?: string): number;
export declare function currentBuildOf(command: string, root?: string): string | undefined;
