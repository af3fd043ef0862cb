// Leaflet and its plugins, loaded once and in this order: Leaflet's bundle sets `window.L`, and the
// marker-cluster plugin extends that global when it loads. Geoman (drawing zones) extends it too, but only
// for those who draw: see drawing-tools.ts.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';

// A cluster's icon is a marker too: Geoman would equip each of the thousands markercluster makes (when a user
// who draws zones has loaded it), though nobody edits one or snaps a zone to it.
L.MarkerCluster.mergeOptions({ pmIgnore: true });

export default L;
