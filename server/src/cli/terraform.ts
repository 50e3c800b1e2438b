// Terraform files need the HCL parser, which loads asynchronously (WebAssembly, about 0.1 s of
// CPU per thread): the CLI awaits it only when it has such a file to read.
import { hostSyntax } from '../engine';

/** Is `file` read as Terraform (the engine's own decision, by its name)? */
export const isTerraform = (file: string): boolean => hostSyntax('', { path: file }) === 'hcl';
