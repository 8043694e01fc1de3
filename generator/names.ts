/**
 * Names for people and companies, built from small word lists by index so they are distinct
 * without a registry of used names: index → mixed-radix digits over a scrambled order.
 */

const COMPANY_FIRST = [
  'North',
  'Blue',
  'Silver',
  'Bright',
  'Iron',
  'Cedar',
  'Summit',
  'Harbor',
  'Falcon',
  'Granite',
  'Pioneer',
  'Atlas',
  'Beacon',
  'Crescent',
  'Evergreen',
  'Frontier',
  'Golden',
  'Horizon',
  'Keystone',
  'Lake',
  'Maple',
  'Meridian',
  'Nimbus',
  'Oak',
  'Orchid',
  'Pacific',
  'Quartz',
  'Red',
  'River',
  'Sage',
  'Sterling',
  'Stone',
  'Sun',
  'Tidal',
  'Union',
  'Vertex',
  'West',
  'Willow',
  'Zenith',
  'Apex',
  'Bay',
  'Coral',
  'Delta',
  'Echo',
  'Fern',
  'Glacier',
  'High',
  'Indigo',
  'Jade',
  'Kite',
  'Lumen',
  'Mosaic',
  'Nova',
  'Onyx',
  'Polar',
  'Quill',
  'Rapid',
  'Solar',
  'Terra',
  'Ultra',
  'Vista',
  'Wave',
  'Arrow',
  'Birch',
  'Cobalt',
  'Dune',
  'Ember',
  'Flint',
  'Grove',
  'Hollow',
];
const COMPANY_SECOND = [
  'wind',
  'peak',
  'stone',
  'field',
  'bridge',
  'gate',
  'line',
  'point',
  'works',
  'view',
  'crest',
  'ridge',
  'path',
  'light',
  'forge',
  'port',
  'well',
  'brook',
  'haven',
  'wood',
  'mark',
  'side',
  'way',
  'star',
  'cliff',
  'dale',
  'shore',
  'spring',
  'vale',
  'bay',
  'tech',
  'logic',
  'soft',
  'data',
  'core',
  'scale',
  'sync',
  'grid',
  'wise',
  'loop',
];
const COMPANY_KIND = [
  'Systems',
  'Labs',
  'Group',
  'Holdings',
  'Industries',
  'Partners',
  'Analytics',
  'Logistics',
  'Health',
  'Financial',
  'Manufacturing',
  'Retail',
  'Energy',
  'Media',
  'Networks',
  'Foods',
  'Pharma',
  'Capital',
  'Solutions',
  'Robotics',
  'Motors',
  'Insurance',
  'Software',
  'Consulting',
];
const COMPANY_SUFFIX = ['', '', '', ' Inc.', ' Ltd', ' GmbH', ' LLC', ' Corp', ' SA', ' Pty Ltd'];

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'James',
  'Isabella',
  'Lucas',
  'Mia',
  'Mateo',
  'Amelia',
  'Ethan',
  'Harper',
  'Aiden',
  'Evelyn',
  'Kenji',
  'Priya',
  'Arjun',
  'Mei',
  'Hiroshi',
  'Fatima',
  'Omar',
  'Chloe',
  'Louis',
  'Ingrid',
  'Lars',
  'Sofia',
  'Diego',
  'Camila',
  'Javier',
  'Anika',
  'Felix',
  'Hannah',
  'Jonas',
  'Lea',
  'Marco',
  'Giulia',
  'Pierre',
  'Claire',
  'Sanjay',
  'Aisha',
  'Wei',
  'Yuki',
  'Min-jun',
  'Seo-yeon',
  'Tomasz',
  'Zofia',
  'Nikolai',
  'Elena',
  'Kwame',
  'Amara',
  'Rafael',
  'Beatriz',
  'Connor',
  'Siobhan',
  'Mateus',
  'Leilani',
  'Tariq',
];
const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Garcia',
  'Brown',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Nguyen',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Perez',
  'Roberts',
  'Patel',
  'Sharma',
  'Tanaka',
  'Sato',
  'Kim',
  'Park',
  'Chen',
  'Wang',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Dubois',
  'Laurent',
  'Rossi',
  'Bianchi',
  'Kowalski',
  'Nowak',
  'Ivanova',
  'Jensen',
  'Hansen',
  "O'Brien",
  'Murphy',
  'Silva',
  'Santos',
  'Okafor',
  'Mensah',
  'Haddad',
  'Cohen',
  'Novak',
  'Horvat',
  'Lindqvist',
  'Berg',
  'Costa',
  'Ferreira',
  'Yamamoto',
  'Suzuki',
  'Singh',
  'Gupta',
  'Khan',
  'Ali',
  'Reyes',
  'Cruz',
];

/** Every number coprime with the radix, so `i * STEP mod n` visits each of 0…n−1 once. */
const STEP = 7_919;

function scramble(index: number, size: number): number {
  return ((index % size) * STEP) % size;
}

/** The n-th company name; names repeat only after about 150,000 companies (then get a digit). */
export function companyName(index: number): string {
  const sizes = [COMPANY_FIRST.length, COMPANY_SECOND.length, COMPANY_KIND.length] as const;
  const total = sizes[0] * sizes[1] * sizes[2];
  let k = scramble(index, total);
  const kind = COMPANY_KIND[k % sizes[2]];
  k = Math.floor(k / sizes[2]);
  const second = COMPANY_SECOND[k % sizes[1]];
  const first = COMPANY_FIRST[Math.floor(k / sizes[1])];
  const round = Math.floor(index / total);
  const suffix = COMPANY_SUFFIX[(index * 31 + 7) % COMPANY_SUFFIX.length];
  return `${first}${second} ${kind}${round > 0 ? ` ${round + 1}` : ''}${suffix}`;
}

/** The n-th person's name; a middle initial keeps the first ~125,000 names distinct. */
export function personName(index: number): string {
  const total = FIRST_NAMES.length * LAST_NAMES.length;
  const k = scramble(index, total);
  const first = FIRST_NAMES[k % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length)];
  const round = Math.floor(index / total);
  if (round === 0) return `${first} ${last}`;
  return `${first} ${String.fromCharCode(65 + ((round - 1) % 26))}. ${last}`;
}

/**
 * A near-duplicate of a company name, the way CRM duplicates look: other casing, a legal suffix
 * added or dropped, a trailing comma form, stray whitespace.
 */
export function nearDuplicateName(name: string, variant: number): string {
  const base = name.replace(/ (Inc\.|Ltd|GmbH|LLC|Corp|SA|Pty Ltd)$/, '');
  switch (variant % 5) {
    case 0:
      return name.toUpperCase();
    case 1:
      return `${base}, Inc.`;
    case 2:
      return base.toLowerCase();
    case 3:
      return `${base} `;
    default:
      return `${base} (old)`;
  }
}
