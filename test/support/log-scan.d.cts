export declare function passesElfproef(digits: string): boolean;
export declare function scanText(text: string): number[];
export declare function scanDir(dir: string): Array<{ file: string; lines: number[] }>;
export declare function describeFindings(findings: Array<{ file: string; lines: number[] }>): string;
