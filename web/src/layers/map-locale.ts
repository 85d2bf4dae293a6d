/**
 * Dutch texts of MapLibre's own controls (the map's `locale` option). The keys are MapLibre 6.17's default
 * locale table (maplibre-gl src/ui/default_locale.ts); a key MapLibre does not know is ignored, a missing
 * one falls back to English, so map-locale.test.ts checks the table against the library's key list.
 */
export const MAP_LOCALE_NL: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
  'AttributionControl.MapFeedback': 'Terugmelding over de kaart',
  'FullscreenControl.Enter': 'Volledig scherm',
  'FullscreenControl.Exit': 'Volledig scherm verlaten',
  'GeolocateControl.FindMyLocation': 'Mijn locatie',
  'GeolocateControl.LocationNotAvailable': 'Locatie niet beschikbaar',
  'LogoControl.Title': 'MapLibre-logo',
  'Map.Title': 'Kaart',
  'Marker.Title': 'Kaartmarkering',
  'NavigationControl.ResetBearing': 'Sleep om de kaart te draaien, klik om naar het noorden te richten',
  'NavigationControl.ZoomIn': 'Inzoomen',
  'NavigationControl.ZoomOut': 'Uitzoomen',
  'Popup.Close': 'Venster sluiten',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'mi',
  'ScaleControl.NauticalMiles': 'zm',
  'GlobeControl.Enable': 'Wereldbol aan',
  'GlobeControl.Disable': 'Wereldbol uit',
  'TerrainControl.Enable': 'Reliëf aan',
  'TerrainControl.Disable': 'Reliëf uit',
  'CooperativeGesturesHandler.WindowsHelpText': 'Gebruik Ctrl + scrollen om te zoomen',
  'CooperativeGesturesHandler.MacHelpText': 'Gebruik ⌘ + scrollen om te zoomen',
  'CooperativeGesturesHandler.MobileHelpText': 'Gebruik twee vingers om de kaart te verplaatsen',
};
