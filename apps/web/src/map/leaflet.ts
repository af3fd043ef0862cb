// Leaflet and its plugins, loaded once and in this order: Leaflet's bundle sets `window.L`, and the
// marker-cluster plugin extends that global when it loads. Geoman (drawing zones) extends it too, but only
// for those who draw: see drawing-tools.ts.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';

export default L;
