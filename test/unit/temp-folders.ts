import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder per test file, removed afterwards, and a way to fill a
 * sub-folder with page files (paths may contain sub-folders).
 */
export function tempFolders(prefix: string): (name: string, files: Record<string, string | Uint8Array>) => Promise<string> {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return async (name, files) => {
    const root = join(dir, name);
    await mkdir(root, { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), content);
    }
    return root;
  };
}
