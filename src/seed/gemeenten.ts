import { weighted, type Weighted } from './random';

/**
 * Real municipalities: CBS gemeentecode, name, the woonplaats used in addresses, the range of
 * 4-digit postcode areas of that woonplaats (approximate), and a weight of roughly the population in
 * thousands, so a household lands in Amsterdam about ten times as often as in Lelystad.
 */
export interface Gemeente {
  code: string;
  naam: string;
  woonplaats: string;
  postcodeVan: number;
  postcodeTot: number;
  gewicht: number;
}

const G = (code: string, naam: string, woonplaats: string, postcodeVan: number, postcodeTot: number, gewicht: number): Gemeente => ({
  code,
  naam,
  woonplaats,
  postcodeVan,
  postcodeTot,
  gewicht,
});

export const GEMEENTEN: readonly Gemeente[] = [
  G('0363', 'Amsterdam', 'Amsterdam', 1011, 1109, 930),
  G('0599', 'Rotterdam', 'Rotterdam', 3011, 3089, 670),
  G('0518', "'s-Gravenhage", "'s-Gravenhage", 2491, 2599, 560),
  G('0344', 'Utrecht', 'Utrecht', 3511, 3585, 370),
  G('0772', 'Eindhoven', 'Eindhoven', 5611, 5658, 245),
  G('0014', 'Groningen', 'Groningen', 9711, 9747, 240),
  G('0855', 'Tilburg', 'Tilburg', 5011, 5049, 227),
  G('0034', 'Almere', 'Almere', 1311, 1358, 226),
  G('0758', 'Breda', 'Breda', 4811, 4839, 187),
  G('0268', 'Nijmegen', 'Nijmegen', 6511, 6546, 183),
  G('0200', 'Apeldoorn', 'Apeldoorn', 7311, 7339, 167),
  G('0202', 'Arnhem', 'Arnhem', 6811, 6846, 166),
  G('0392', 'Haarlem', 'Haarlem', 2011, 2037, 164),
  G('0394', 'Haarlemmermeer', 'Hoofddorp', 2131, 2136, 160),
  G('0153', 'Enschede', 'Enschede', 7511, 7548, 160),
  G('0307', 'Amersfoort', 'Amersfoort', 3811, 3829, 160),
  G('0796', "'s-Hertogenbosch", "'s-Hertogenbosch", 5211, 5237, 160),
  G('0479', 'Zaanstad', 'Zaandam', 1501, 1509, 158),
  G('0193', 'Zwolle', 'Zwolle', 8011, 8048, 132),
  G('0637', 'Zoetermeer', 'Zoetermeer', 2711, 2729, 128),
  G('0546', 'Leiden', 'Leiden', 2311, 2334, 127),
  G('0080', 'Leeuwarden', 'Leeuwarden', 8911, 8939, 126),
  G('0935', 'Maastricht', 'Maastricht', 6211, 6229, 122),
  G('0505', 'Dordrecht', 'Dordrecht', 3311, 3319, 121),
  G('0228', 'Ede', 'Ede', 6711, 6718, 120),
  G('0484', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 2401, 2409, 114),
  G('0361', 'Alkmaar', 'Alkmaar', 1811, 1825, 111),
  G('0114', 'Emmen', 'Emmen', 7811, 7827, 108),
  G('0503', 'Delft', 'Delft', 2611, 2629, 105),
  G('0983', 'Venlo', 'Venlo', 5911, 5928, 103),
  G('0150', 'Deventer', 'Deventer', 7411, 7429, 102),
  G('0794', 'Helmond', 'Helmond', 5701, 5709, 94),
  G('0402', 'Hilversum', 'Hilversum', 1211, 1223, 93),
  G('0439', 'Purmerend', 'Purmerend', 1441, 1448, 93),
  G('0917', 'Heerlen', 'Heerlen', 6411, 6422, 87),
  G('0164', 'Hengelo', 'Hengelo', 7551, 7559, 82),
  G('0995', 'Lelystad', 'Lelystad', 8211, 8245, 82),
  G('0606', 'Schiedam', 'Schiedam', 3111, 3125, 80),
  G('0622', 'Vlaardingen', 'Vlaardingen', 3131, 3138, 75),
  G('0513', 'Gouda', 'Gouda', 2801, 2809, 75),
  G('0141', 'Almelo', 'Almelo', 7601, 7609, 74),
  G('0106', 'Assen', 'Assen', 9401, 9409, 70),
  G('0748', 'Bergen op Zoom', 'Bergen op Zoom', 4611, 4625, 69),
  G('0453', 'Velsen', 'IJmuiden', 1971, 1976, 69),
  G('0957', 'Roermond', 'Roermond', 6041, 6049, 59),
  G('0687', 'Middelburg', 'Middelburg', 4331, 4339, 49),
  G('0171', 'Noordoostpolder', 'Emmeloord', 8301, 8305, 49),
  G('0718', 'Vlissingen', 'Vlissingen', 4381, 4389, 45),
  G('0928', 'Kerkrade', 'Kerkrade', 6461, 6471, 45),
  G('0289', 'Wageningen', 'Wageningen', 6701, 6709, 40),
  G('0184', 'Urk', 'Urk', 8321, 8322, 22),
];

export const GEMEENTE_KEUZE: Weighted<Gemeente> = weighted(GEMEENTEN.map((g) => [g, g.gewicht] as const));

/** Letters used in Dutch postcodes: F, I, O, Q, U and Y are not used, nor the pairs SA, SD and SS. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
export const POSTCODE_LETTER_PAIRS: readonly string[] = [...POSTCODE_LETTERS].flatMap((a) =>
  [...POSTCODE_LETTERS].map((b) => a + b).filter((p) => p !== 'SA' && p !== 'SD' && p !== 'SS'),
);
