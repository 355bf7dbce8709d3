// What leaves the server about places and regions.
import type { ImportResult, Place, PlaceList, Region, RegionList } from '../../../common/places.ts';
import type { PlaceWithRegions, RegionWithPlaces } from './places.repo.ts';

/** A place with the regions it belongs to. */
export function presentPlace(row: PlaceWithRegions): Place {
  return {
    id: row.id,
    name: row.name,
    municipality: row.municipality,
    cbsCode: row.cbsCode,
    description: row.description,
    dnaTags: row.dnaTags,
    regions: row.regions.map((region) => ({ id: region.id, name: region.name })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The place list. */
export function presentPlaceList(rows: PlaceWithRegions[]): PlaceList {
  return { places: rows.map(presentPlace) };
}

/** A region with the places it holds. */
export function presentRegion(row: RegionWithPlaces): Region {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    places: row.places.map((place) => ({
      id: place.id,
      name: place.name,
      municipality: place.municipality,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The region list. */
export function presentRegionList(rows: RegionWithPlaces[]): RegionList {
  return { regions: rows.map(presentRegion) };
}

/** The outcome of an import in which every row went in. */
export function presentImportResult(rows: PlaceWithRegions[]): ImportResult {
  return { imported: rows.length, places: rows.map(presentPlace) };
}
