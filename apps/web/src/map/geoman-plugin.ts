// Leaflet-Geoman and its styles, as one chunk that drawing-tools.ts loads on demand. It extends the global
// `L` that leaflet.ts has set up, so leaflet.ts is imported first.
import './leaflet';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
