import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FileMenu from '../../src/app/files/FileMenu.svelte';
import { FIXTURE_FILES } from './fixtures/scenarioFiles.ts';

let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

function setup() {
  const onopen = vi.fn();
  const target = document.createElement('div');
  document.body.append(target);
  component = mount(FileMenu, {
    target,
    props: {
      scenario: { format: 'shortfall-scenario', schemaVersion: 1, name: 'Current plan' } as never,
      onopen,
    },
  });
  const input = target.querySelector<HTMLInputElement>('input[type=file]')!;
  const choose = async (name: string, bytes: Uint8Array) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes as Uint8Array<ArrayBuffer>], name));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => {
      if (onopen.mock.calls.length === 0 && !target.querySelector('[role=alert]')) {
        throw new Error('not yet');
      }
    });
    flushSync();
  };
  return { target, onopen, input, choose };
}

describe('FileMenu', () => {
  it('has the three buttons by their accessible names, and a JSON-only file input', () => {
    const { target, input } = setup();
    const names = [...target.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(names).toEqual(
      expect.arrayContaining(['Open scenario', 'Save scenario', 'Copy share link']),
    );
    expect(input.accept).toBe('.json,application/json');
  });

  it.each(FIXTURE_FILES.refused)(
    'shows why %s was refused and does not replace the scenario',
    async (name, expected) => {
      const { target, onopen, choose } = setup();
      await choose(name, await FIXTURE_FILES.bytes(name));
      const alert = target.querySelector('[role=alert]')!;
      expect(alert.textContent).toContain(expected);
      expect(alert.textContent).toContain('Your current scenario is unchanged');
      expect(onopen).not.toHaveBeenCalled();
      expect(alert.querySelector('script, img')).toBeNull();
    },
  );

  it('hands on a valid file with its name as the origin', async () => {
    const { target, onopen, choose } = setup();
    await choose('valid.json', await FIXTURE_FILES.bytes('valid.json'));
    expect(onopen).toHaveBeenCalledOnce();
    expect(onopen.mock.calls[0]![0].name).toBe('Small force: financial investigators');
    expect(onopen.mock.calls[0]![1]).toBe('valid.json');
    expect(target.querySelector('[role=alert]')).toBeNull();
  });
});
