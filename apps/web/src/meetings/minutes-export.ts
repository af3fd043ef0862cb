import type { MinutesFormat } from '@samverkan/contracts';
import type { MeetingsApi } from './meetings-api';

/** A file name from the meeting's title: letters, digits and dashes only. */
export function minutesFileName(title: string, startsAt: string, format: MinutesFormat): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'meeting'}-${startsAt.slice(0, 10)}-minutes.${format}`;
}

/**
 * The minutes need the signed-in token, so a plain link cannot fetch them: the page is fetched, then shown
 * from memory. The printable page opens in a window opened at the click (a window opened after the fetch
 * would be taken for a pop-up); the Markdown is saved as a file.
 */
export async function exportMinutes(
  api: MeetingsApi,
  meeting: { id: string; title: string; startsAt: string },
  format: MinutesFormat,
  language: 'sv' | 'en',
  browser: Window = window,
): Promise<void> {
  const printWindow = format === 'html' ? browser.open('', '_blank') : null;
  try {
    const text = await api.minutes(meeting.id, format, language);
    const blob = new Blob([text], {
      type: format === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    if (printWindow) {
      printWindow.location.href = url;
    } else {
      const link = browser.document.createElement('a');
      link.href = url;
      link.download = minutesFileName(meeting.title, meeting.startsAt, format);
      browser.document.body.append(link);
      link.click();
      link.remove();
    }
    // The window or download has the data by then.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    printWindow?.close();
    throw error;
  }
}
