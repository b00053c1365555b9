// Where generated incidents happen: countries with some of their first-level areas, each at
// roughly its real position, so that bounding boxes and maps look like something.

export interface Area {
  name: string;
  latitude: number;
  longitude: number;
  /** Second-level areas (districts, raions) within it. */
  districts: readonly string[];
}

export interface Country {
  iso3: string;
  name: string;
  /** An adjective for titles and names ("Ukrainian"). */
  adjective: string;
  /** How many incidents it gets, relative to the others. */
  weight: number;
  areas: readonly Area[];
}

const area = (name: string, latitude: number, longitude: number, ...districts: string[]): Area => ({ name, latitude, longitude, districts });

export const COUNTRIES: readonly Country[] = [
  {
    iso3: "UKR",
    name: "Ukraine",
    adjective: "Ukrainian",
    weight: 20,
    areas: [
      area("Donetsk", 48.0, 37.8, "Bakhmut", "Pokrovsk", "Kramatorsk"),
      area("Kharkiv", 49.99, 36.23, "Kupiansk", "Izium"),
      area("Zaporizhzhia", 47.84, 35.14, "Polohy", "Vasylivka"),
      area("Kherson", 46.64, 32.61, "Beryslav"),
      area("Kyiv", 50.45, 30.52, "Bucha", "Irpin"),
    ],
  },
  {
    iso3: "RUS",
    name: "Russia",
    adjective: "Russian",
    weight: 8,
    areas: [area("Kursk", 51.73, 36.19, "Sudzha"), area("Belgorod", 50.6, 36.6, "Shebekino"), area("Moscow", 55.75, 37.62), area("Bryansk", 53.25, 34.37)],
  },
  {
    iso3: "SYR",
    name: "Syria",
    adjective: "Syrian",
    weight: 10,
    areas: [
      area("Aleppo", 36.2, 37.16, "Afrin", "Manbij"),
      area("Idlib", 35.93, 36.63, "Jisr al-Shughur"),
      area("Deir ez-Zor", 35.33, 40.14, "Al Mayadin"),
      area("Damascus", 33.51, 36.29),
    ],
  },
  {
    iso3: "YEM",
    name: "Yemen",
    adjective: "Yemeni",
    weight: 7,
    areas: [area("Marib", 15.46, 45.32), area("Taizz", 13.58, 44.02), area("Al Hudaydah", 14.8, 42.95), area("Sanaa", 15.37, 44.19)],
  },
  {
    iso3: "SDN",
    name: "Sudan",
    adjective: "Sudanese",
    weight: 6,
    areas: [area("Khartoum", 15.5, 32.56, "Omdurman", "Bahri"), area("North Darfur", 13.63, 25.35, "El Fasher"), area("South Kordofan", 11.2, 29.42)],
  },
  {
    iso3: "MLI",
    name: "Mali",
    adjective: "Malian",
    weight: 4,
    areas: [area("Mopti", 14.49, -4.18), area("Gao", 16.27, -0.04), area("Timbuktu", 16.77, -3.01)],
  },
  {
    iso3: "BFA",
    name: "Burkina Faso",
    adjective: "Burkinabe",
    weight: 4,
    areas: [area("Sahel", 14.0, -0.5, "Djibo"), area("Centre-Nord", 13.1, -1.08), area("Est", 12.06, 0.36)],
  },
  { iso3: "NER", name: "Niger", adjective: "Nigerien", weight: 2, areas: [area("Tillaberi", 14.21, 1.45), area("Diffa", 13.32, 12.61)] },
  {
    iso3: "NGA",
    name: "Nigeria",
    adjective: "Nigerian",
    weight: 6,
    areas: [area("Borno", 11.83, 13.15, "Maiduguri"), area("Zamfara", 12.17, 6.25), area("Kaduna", 10.52, 7.44), area("Lagos", 6.52, 3.38)],
  },
  {
    iso3: "COD",
    name: "Democratic Republic of Congo",
    adjective: "Congolese",
    weight: 5,
    areas: [area("North Kivu", -0.79, 29.05, "Beni", "Rutshuru"), area("Ituri", 1.56, 30.25, "Djugu"), area("South Kivu", -2.5, 28.86)],
  },
  {
    iso3: "SOM",
    name: "Somalia",
    adjective: "Somali",
    weight: 5,
    areas: [area("Banadir", 2.05, 45.32, "Mogadishu"), area("Lower Shabelle", 1.88, 44.25), area("Middle Shabelle", 2.93, 45.5), area("Bay", 2.48, 43.48)],
  },
  {
    iso3: "ETH",
    name: "Ethiopia",
    adjective: "Ethiopian",
    weight: 4,
    areas: [area("Tigray", 14.03, 38.32), area("Amhara", 11.35, 37.9), area("Oromia", 8.0, 39.5)],
  },
  {
    iso3: "AFG",
    name: "Afghanistan",
    adjective: "Afghan",
    weight: 4,
    areas: [area("Kabul", 34.53, 69.17), area("Helmand", 31.36, 63.96), area("Nangarhar", 34.17, 70.62)],
  },
  {
    iso3: "IRQ",
    name: "Iraq",
    adjective: "Iraqi",
    weight: 3,
    areas: [area("Nineveh", 36.34, 43.13, "Mosul"), area("Baghdad", 33.31, 44.36), area("Anbar", 33.42, 43.3)],
  },
  {
    iso3: "MMR",
    name: "Myanmar",
    adjective: "Burmese",
    weight: 5,
    areas: [area("Sagaing", 22.0, 95.98), area("Rakhine", 20.15, 92.9), area("Shan", 21.3, 97.7)],
  },
  {
    iso3: "PAK",
    name: "Pakistan",
    adjective: "Pakistani",
    weight: 3,
    areas: [area("Khyber Pakhtunkhwa", 34.0, 71.5, "Peshawar"), area("Balochistan", 28.5, 65.1, "Quetta")],
  },
  {
    iso3: "IND",
    name: "India",
    adjective: "Indian",
    weight: 4,
    areas: [area("Manipur", 24.66, 93.9), area("Jammu and Kashmir", 33.78, 76.58), area("Chhattisgarh", 21.27, 81.87)],
  },
  {
    iso3: "MEX",
    name: "Mexico",
    adjective: "Mexican",
    weight: 4,
    areas: [area("Guerrero", 17.44, -99.55), area("Sinaloa", 25.17, -107.48), area("Michoacan", 19.57, -101.71)],
  },
  {
    iso3: "COL",
    name: "Colombia",
    adjective: "Colombian",
    weight: 3,
    areas: [area("Cauca", 2.71, -76.83), area("Antioquia", 7.0, -75.5), area("Norte de Santander", 7.95, -72.9)],
  },
  {
    iso3: "BRA",
    name: "Brazil",
    adjective: "Brazilian",
    weight: 3,
    areas: [area("Rio de Janeiro", -22.9, -43.2), area("Bahia", -12.97, -38.5), area("Para", -1.45, -48.5)],
  },
  { iso3: "PHL", name: "Philippines", adjective: "Philippine", weight: 2, areas: [area("Mindanao", 7.5, 125.0), area("Metro Manila", 14.6, 121.0)] },
  { iso3: "ISR", name: "Israel", adjective: "Israeli", weight: 3, areas: [area("Southern District", 31.25, 34.79), area("Northern District", 32.9, 35.3)] },
  {
    iso3: "PSE",
    name: "Palestine",
    adjective: "Palestinian",
    weight: 5,
    areas: [area("Gaza Strip", 31.45, 34.4, "Khan Younis", "Rafah"), area("West Bank", 32.0, 35.25, "Jenin", "Nablus")],
  },
  { iso3: "LBN", name: "Lebanon", adjective: "Lebanese", weight: 2, areas: [area("South Lebanon", 33.27, 35.37), area("Beirut", 33.89, 35.5)] },
  { iso3: "TUR", name: "Turkey", adjective: "Turkish", weight: 1, areas: [area("Hatay", 36.2, 36.16), area("Sirnak", 37.52, 42.46)] },
  { iso3: "IRN", name: "Iran", adjective: "Iranian", weight: 1, areas: [area("Sistan and Baluchestan", 29.5, 60.85), area("Tehran", 35.69, 51.39)] },
  { iso3: "LBY", name: "Libya", adjective: "Libyan", weight: 1, areas: [area("Tripoli", 32.89, 13.19), area("Benghazi", 32.12, 20.07)] },
  { iso3: "HTI", name: "Haiti", adjective: "Haitian", weight: 2, areas: [area("Ouest", 18.54, -72.34, "Port-au-Prince"), area("Artibonite", 19.2, -72.6)] },
  { iso3: "MOZ", name: "Mozambique", adjective: "Mozambican", weight: 1, areas: [area("Cabo Delgado", -12.33, 39.32)] },
  { iso3: "CMR", name: "Cameroon", adjective: "Cameroonian", weight: 2, areas: [area("Far North", 10.6, 14.3), area("Northwest", 6.0, 10.4)] },
  { iso3: "CAF", name: "Central African Republic", adjective: "Central African", weight: 1, areas: [area("Ouham", 6.5, 17.5), area("Bangui", 4.36, 18.56)] },
  { iso3: "SSD", name: "South Sudan", adjective: "South Sudanese", weight: 1, areas: [area("Jonglei", 7.2, 32.3), area("Upper Nile", 10.0, 32.7)] },
  { iso3: "VEN", name: "Venezuela", adjective: "Venezuelan", weight: 1, areas: [area("Zulia", 10.0, -72.0), area("Capital District", 10.5, -66.9)] },
  { iso3: "GEO", name: "Georgia", adjective: "Georgian", weight: 1, areas: [area("Tbilisi", 41.72, 44.79)] },
  { iso3: "ARM", name: "Armenia", adjective: "Armenian", weight: 1, areas: [area("Syunik", 39.5, 46.3)] },
  { iso3: "AZE", name: "Azerbaijan", adjective: "Azerbaijani", weight: 1, areas: [area("Karabakh", 39.82, 46.75)] },
  { iso3: "CHN", name: "China", adjective: "Chinese", weight: 1, areas: [area("Beijing", 39.9, 116.4), area("Xinjiang", 43.8, 87.6)] },
  { iso3: "PRK", name: "North Korea", adjective: "North Korean", weight: 0.2, areas: [area("Pyongyang", 39.03, 125.75)] },
  {
    iso3: "USA",
    name: "United States",
    adjective: "American",
    weight: 0.5,
    areas: [area("District of Columbia", 38.9, -77.04), area("New York", 40.71, -74.0)],
  },
  { iso3: "FRA", name: "France", adjective: "French", weight: 0.5, areas: [area("Ile-de-France", 48.86, 2.35)] },
];

export const COUNTRY_WEIGHTS: readonly (readonly [Country, number])[] = COUNTRIES.map((country) => [country, country.weight]);

export const SETTLEMENT_WORDS = [
  "market",
  "checkpoint",
  "bridge",
  "village",
  "airfield",
  "crossing",
  "depot",
  "hospital",
  "school",
  "port",
  "station",
  "highway",
] as const;
