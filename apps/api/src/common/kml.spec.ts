import { DOMParser } from '@xmldom/xmldom';
import { escapeXml, kmlDocument, textAsHtml } from './kml';

describe('escapeXml', () => {
  it('escapes markup and keeps every other character', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a> 🚑 åäö`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; 🚑 åäö');
  });

  it('replaces characters XML 1.0 cannot carry, keeping tab and newlines', () => {
    expect(escapeXml('a\u0001b\u000Bc\u001Fd\uFFFFe\tf\ng\rh')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng\rh');
  });
});

describe('textAsHtml', () => {
  it('escapes markup so that an HTML renderer shows the text as written, line by line', () => {
    expect(textAsHtml(`<a href="x">Tom & Jerry's</a>\nrad 2\r\nrad 3`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;<br>rad 2<br>rad 3',
    );
  });
});

describe('kmlDocument', () => {
  it('writes descriptions that a map program, reading them as HTML, shows as text', () => {
    const written = '<img src=x onerror=alert(1)> <a href="https://example.org">länk</a> &amp;';
    const document = kmlDocument('Zoner', [
      { id: 'zone-1', name: 'A', description: written, data: {}, geometryKml: '<Point><coordinates>13,55.6</coordinates></Point>' },
    ]);
    const description = new DOMParser().parseFromString(document, 'text/xml').getElementsByTagName('description')[0].textContent!;
    // What the XML carries is HTML; rendered, it is the text as written (no element, no link).
    expect(description).not.toMatch(/<img|<a /);
    const rendered = description.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(rendered).toBe(written);
  });

  it('writes a KML 2.2 document with escaped names, descriptions and data', () => {
    const document = kmlDocument('Zoner & platser', [
      {
        id: 'zone-1',
        name: 'A <b>',
        description: 'rad 1\nrad 2',
        data: { zoneId: '1', until: null, agreedVersion: 2 },
        geometryKml: '<Point><coordinates>13,55.6</coordinates></Point>',
      },
    ]);
    expect(document).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        '<Document><name>Zoner &amp; platser</name>',
        '<Placemark id="zone-1"><name>A &lt;b&gt;</name><description>rad 1&lt;br&gt;rad 2</description>' +
          '<ExtendedData><Data name="zoneId"><value>1</value></Data><Data name="agreedVersion"><value>2</value></Data></ExtendedData>' +
          '<Point><coordinates>13,55.6</coordinates></Point></Placemark>',
        '</Document>',
        '</kml>',
        '',
      ].join('\n'),
    );
  });
});
