// The 61 tab-separated columns of a GDELT 2.0 events file (*.export.CSV), in order; the
// files have no header row. See the GDELT 2.0 Event Codebook.
export const GDELT_COLUMNS = [
  // The event and its date
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  // Actor1: CAMEO code, name as found in the text, and the code's parts
  "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
  "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
  // Actor2, alike
  "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
  "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
  // The action: CAMEO codes (strings: "040" and "0841" keep their leading zeros) and measures
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
  "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  // Where Actor1, Actor2 and the action are: type (0 none, 1 country, 2 US state, 3 US city,
  // 4 world city, 5 world state), full name, FIPS 10-4 country, ADM1, ADM2, position, feature
  "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
  "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
  "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
  "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
  // When GDELT added the event (YYYYMMDDHHMMSS, UTC) and the article it was found in
  "DATEADDED", "SOURCEURL",
] as const;

export const GDELT_COLUMN_INDEX: ReadonlyMap<string, number> = new Map(GDELT_COLUMNS.map((name, index) => [name, index]));
