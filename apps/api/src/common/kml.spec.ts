import { escapeXml, kmlDocument } from './kml';

describe('escapeXml', () => {
  it('escapes markup and keeps every other character', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a> 🚑 åäö`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; 🚑 åäö');
  });

  it('replaces characters XML 1.0 cannot carry, keeping tab and newlines', () => {
    expect(escapeXml('a\u0001b\u000Bc\u001Fd\uFFFFe\tf\ng\rh')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng\rh');
  });
});

describe('kmlDocument', () => {
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
        '<Placemark id="zone-1"><name>A &lt;b&gt;</name><description>rad 1\nrad 2</description>' +
          '<ExtendedData><Data name="zoneId"><value>1</value></Data><Data name="agreedVersion"><value>2</value></Data></ExtendedData>' +
          '<Point><coordinates>13,55.6</coordinates></Point></Placemark>',
        '</Document>',
        '</kml>',
        '',
      ].join('\n'),
    );
  });
});
