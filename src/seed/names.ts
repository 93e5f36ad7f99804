/**
 * Name and street lists for plausible synthetic people and addresses. Plain text without tabs,
 * newlines or backslashes, so they go into COPY's text format unescaped (checked in copy-format.ts).
 */

export const VOORNAMEN_MAN: readonly string[] = [
  'Jan', 'Pieter', 'Kees', 'Henk', 'Gerrit', 'Willem', 'Johannes', 'Cornelis', 'Hendrik', 'Dirk',
  'Bram', 'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Noah', 'Luuk', 'Thijs',
  'Ruben', 'Jesse', 'Tim', 'Lars', 'Stijn', 'Bas', 'Mark', 'Erik', 'Peter', 'Rob',
  'Mohamed', 'Ahmed', 'Youssef', 'Omar', 'Ibrahim', 'Mehmet', 'Mustafa', 'Ali', 'Hamza', 'Bilal',
  'Rajesh', 'Sunil', 'Kevin', 'Dennis', 'Marco', 'Tomasz', 'Piotr', 'Andrei', 'Dmitri', 'Ricardo',
  'Wouter', 'Maarten', 'Joost', 'Sander', 'Niels', 'Jeroen', 'Ruud', 'Frank', 'Ton', 'Arjen',
];

export const VOORNAMEN_VROUW: readonly string[] = [
  'Maria', 'Anna', 'Johanna', 'Cornelia', 'Elisabeth', 'Wilhelmina', 'Hendrika', 'Geertruida', 'Sanne', 'Emma',
  'Julia', 'Sophie', 'Tess', 'Zoë', 'Mila', 'Sara', 'Eva', 'Lotte', 'Fleur', 'Noor',
  'Lisa', 'Anouk', 'Femke', 'Iris', 'Marieke', 'Linda', 'Monique', 'Petra', 'Ingrid', 'Karin',
  'Fatima', 'Khadija', 'Aisha', 'Meryem', 'Zeynep', 'Elif', 'Samira', 'Nadia', 'Yasmina', 'Hafsa',
  'Priya', 'Sharda', 'Chantal', 'Natasha', 'Agnieszka', 'Katarzyna', 'Olga', 'Ana', 'Daniela', 'Ioana',
  'Esther', 'Marloes', 'Wendy', 'Ilse', 'Annemiek', 'Hanneke', 'Yvonne', 'Sandra', 'Kim', 'Britt',
];

export interface Achternaam {
  tussenvoegsel: string | null;
  achternaam: string;
}

const A = (achternaam: string, tussenvoegsel: string | null = null): Achternaam => ({ tussenvoegsel, achternaam });

/** Common Dutch surnames (with their tussenvoegsel apart, as in the BRP) and some of other origin. */
export const ACHTERNAMEN: readonly Achternaam[] = [
  A('Jong', 'de'), A('Jansen'), A('Vries', 'de'), A('Bosch', 'van den'), A('Bergh', 'van den'),
  A('Dijk', 'van'), A('Bakker'), A('Janssen'), A('Visser'), A('Smit'),
  A('Meijer'), A('Boer', 'de'), A('Mulder'), A('Groot', 'de'), A('Bos'),
  A('Vos'), A('Peters'), A('Hendriks'), A('Leeuwen', 'van'), A('Dekker'),
  A('Brouwer'), A('Wit', 'de'), A('Dijkstra'), A('Smits'), A('Graaf', 'de'),
  A('Meer', 'van der'), A('Linden', 'van der'), A('Kok'), A('Jacobs'), A('Haan', 'de'),
  A('Vermeulen'), A('Heuvel', 'van den'), A('Veen', 'van der'), A('Broek', 'van den'), A('Bruijn', 'de'),
  A('Bruin', 'de'), A('Heijden', 'van der'), A('Schouten'), A('Beek', 'van'), A('Willems'),
  A('Vliet', 'van'), A('Ven', 'van de'), A('Hoekstra'), A('Maas'), A('Verhoeven'),
  A('Koster'), A('Dam', 'van'), A('Wal', 'van der'), A('Prins'), A('Blom'),
  A('Huisman'), A('Peeters'), A('Kuipers'), A('Veenstra'), A('Kramer'),
  A('Brink', 'van den'), A('Scholten'), A('Wijk', 'van'), A('Post'), A('Martens'),
  A('Yilmaz'), A('Kaya'), A('Demir'), A('Şahin'), A('Çelik'),
  A('El Amrani'), A('Bouzid'), A('El Idrissi'), A('Benali'), A('Ait Haddou'),
  A('Ramdin'), A('Sewnath'), A('Biharie'), A('Pinas'), A('Kromodimedjo'),
  A('Nowak'), A('Kowalski'), A('Wiśniewski'), A('Popescu'), A('Ivanova'),
  A('Silva', 'da'), A('Santos', 'dos'), A('Nguyen'), A('Tran'), A('Haile'),
];

export const STRATEN: readonly string[] = [
  'Kerkstraat', 'Schoolstraat', 'Molenstraat', 'Dorpsstraat', 'Stationsweg', 'Julianastraat',
  'Wilhelminastraat', 'Beatrixstraat', 'Emmastraat', 'Prins Bernhardstraat', 'Oranjestraat', 'Nassaulaan',
  'Kastanjelaan', 'Eikenlaan', 'Beukenlaan', 'Lindenlaan', 'Berkenlaan', 'Populierenweg',
  'Parallelweg', 'Industrieweg', 'Nieuwstraat', 'Hoofdstraat', 'Marktstraat', 'Havenstraat',
  'Sportlaan', 'Parkweg', 'Tulpstraat', 'Rozenstraat', 'Lelieweg', 'Narcissenlaan',
  'Merelstraat', 'Lijsterstraat', 'Spechtstraat', 'Zwaluwstraat', 'Meeuwenlaan', 'Valkenlaan',
  'Rembrandtlaan', 'Vermeerstraat', 'Frans Halsstraat', 'Van Goghstraat', 'Mondriaanstraat', 'Jan Steenstraat',
  'Tolstraat', 'Brugstraat', 'Kanaalweg', 'Dijkweg', 'Waterstraat', 'Singel',
  'Burgemeester de Withstraat', 'Burgemeester Visserlaan', 'Professor Kamerlingh Onnesweg', 'Händelstraat', 'Mozartlaan', 'Bachstraat',
  'Thorbeckestraat', 'Van Heutszstraat', 'Troelstralaan', 'Drees-erf', 'Schaepmanstraat', 'Mgr. Nolensstraat',
];

export const TOEVOEGINGEN: readonly string[] = ['A', 'B', 'C', '1', '2', '3', 'bis', 'hs', 'I', 'II', 'III', 'rd'];
