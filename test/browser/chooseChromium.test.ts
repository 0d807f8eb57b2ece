import { existsSync } from 'node:fs';
import { chooseChromium, SYSTEM_CHROMIUM } from './chooseChromium';

describe('chooseChromium', () => {
  it('uses the npm Chromium when asked, whatever is installed', () => {
    expect(chooseChromium('npm').label).toMatch(/^npm @sparticuz\/chromium \d+\.\d+\.\d+$/);
  });

  it("uses Debian's Chromium by default when it is installed, else the npm one", () => {
    expect(chooseChromium('').source).toBe(existsSync(SYSTEM_CHROMIUM) ? 'system' : 'npm');
  });

  it('uses the executable at an absolute path', () => {
    expect(chooseChromium('/opt/chromium/chrome')).toMatchObject({ source: 'path', label: '/opt/chromium/chrome' });
  });

  it('says how to choose when the setting is neither system, npm nor a path', () => {
    expect(() => chooseChromium('firefox')).toThrow('TEST_CHROMIUM must be "system", "npm" or an absolute path to a Chromium executable, not "firefox".');
  });

  it('says what to do when the chosen executable is missing', async () => {
    await expect(chooseChromium('/nonexistent/chromium').executablePath()).rejects.toThrow('/nonexistent/chromium is not there. Unset TEST_CHROMIUM (or set it to "npm")');
  });

  it('unpacks the npm Chromium into a folder named after its version', async () => {
    const choice = chooseChromium('npm');
    const executable = await choice.executablePath();
    expect(executable).toContain(`capacity-checker-chromium-${choice.label.split(' ').pop()}`);
    expect(existsSync(executable)).toBe(true);
  }, 60_000);
});
