/** One gpkg_spatial_ref_sys row (GeoPackage 1.4 §1.1.2). */
export interface SpatialRefSys {
  srsName: string;
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  definition: string;
  description: string;
}

/** EPSG:4326, longitude/latitude in degrees; GeoJSON and web maps use it. */
export const SRS_WGS84 = 4326;
/** EPSG:28992 Amersfoort / RD New, metres; Dutch source data (BAG, CBS, PDOK) use it. */
export const SRS_RD_NEW = 28992;

// WKT1 as GDAL 3 / PROJ export it from the EPSG registry; QGIS matches on the AUTHORITY codes.
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' +
  'AUTHORITY["EPSG","4326"]]';

const RD_NEW_WKT =
  'PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",' +
  'SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],AUTHORITY["EPSG","6289"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AUTHORITY["EPSG","4289"]],PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.1561605555556],' +
  'PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],' +
  'PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],' +
  'AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","28992"]]';

/** The rows every GeoPackage this project writes starts with: the two the spec requires (-1, 0, 4326) plus RD New. */
export const GPKG_SPATIAL_REF_SYS: readonly SpatialRefSys[] = [
  {
    srsName: 'Undefined cartesian SRS',
    srsId: -1,
    organization: 'NONE',
    organizationCoordsysId: -1,
    definition: 'undefined',
    description: 'undefined cartesian coordinate reference system',
  },
  {
    srsName: 'Undefined geographic SRS',
    srsId: 0,
    organization: 'NONE',
    organizationCoordsysId: 0,
    definition: 'undefined',
    description: 'undefined geographic coordinate reference system',
  },
  {
    srsName: 'WGS 84 geodetic',
    srsId: SRS_WGS84,
    organization: 'EPSG',
    organizationCoordsysId: 4326,
    definition: WGS84_WKT,
    description: 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  },
  {
    srsName: 'Amersfoort / RD New',
    srsId: SRS_RD_NEW,
    organization: 'EPSG',
    organizationCoordsysId: 28992,
    definition: RD_NEW_WKT,
    description: 'Dutch national grid (Rijksdriehoeksstelsel), easting/northing in metres',
  },
];
