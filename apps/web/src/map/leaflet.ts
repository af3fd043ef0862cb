// Leaflet and its plugins, loaded once and in this order: Leaflet's bundle sets `window.L`, and the
// marker-cluster and Geoman plugins extend that global when they load.
import L from 'leaflet';
import 'leaflet.markercluster';
import '@geoman-io/leaflet-geoman-free';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';

export default L;
