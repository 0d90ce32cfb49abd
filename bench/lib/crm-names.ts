// Word lists for the synthetic CRM data of bench/crm-load.ts. The loader passes them to PostgreSQL as arrays and
// picks from them by a hash of the row number, so every load holds the same names; the search phase builds its
// queries from the same lists, so a name fragment always has matches in every tenant.

// biome-ignore format: a word list reads best packed
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Paul', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie',
  'George', 'Rebecca', 'Jason', 'Sharon', 'Edward', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Amy',
  'Jacob', 'Kathleen', 'Gary', 'Angela', 'Nicholas', 'Shirley', 'Eric', 'Brenda', 'Jonathan', 'Emma',
  'Stephen', 'Anna', 'Larry', 'Pamela', 'Justin', 'Nicole', 'Scott', 'Samantha', 'Brandon', 'Katherine',
  'José', 'María', 'Luis', 'Sofía', 'Carlos', 'Lucía', 'Juan', 'Valentina', 'Miguel', 'Camila',
  'Ángel', 'Renée', 'Zoë', 'Chloé', 'André', 'Noémie', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
];

// biome-ignore format: a word list reads best packed
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jiménez',
  'Muñoz', "O'Brien", 'Núñez', 'Schröder', 'Dubois', 'Müller', 'Kowalski', 'Novak', 'Rossi', 'Tanaka',
];

// biome-ignore format: a word list reads best packed
export const COMPANY_SUFFIXES = [
  'Landscaping LLC', 'Properties', 'Holdings', 'HOA', 'Property Management', 'Realty', 'Builders', 'Dental Group',
  'Apartments', 'Office Park', 'Church', 'Self Storage', 'Medical Plaza', 'Academy', 'Farms', 'Estates',
];

// biome-ignore format: a word list reads best packed
export const EMAIL_DOMAINS = [
  'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me', 'att.net',
  'austin.rr.com', 'comcast.net',
];

/** Central Texas area codes: the demo business is in Austin. */
// biome-ignore format: a word list reads best packed
export const AREA_CODES = ['512', '737', '254', '210', '830', '979', '361', '325'];

// biome-ignore format: a word list reads best packed
export const TAGS = ['vip', 'residential', 'commercial', 'hoa', 'net-30', 'referral', 'repeat', 'seasonal'];

// biome-ignore format: a word list reads best packed
export const NOTES = [
  'Prefers morning visits.',
  'Dog in the back yard; call before entering.',
  'Pays by check.',
  'Referred by a neighbour.',
  'Wants a quote for the spring clean-up every February.',
  'Gate code changes monthly: ask the office.',
  'Spanish speaker; text rather than call.',
  'Net 30 terms agreed with the owner.',
];

// biome-ignore format: a word list reads best packed
export const STREETS = [
  'Oak', 'Maple', 'Cedar', 'Pecan', 'Live Oak', 'Mesquite', 'Bluebonnet', 'Lamar', 'Congress', 'Guadalupe',
  'Riverside', 'Barton Springs', 'Burnet', 'Manor', 'Airport', 'Cameron', 'Slaughter', 'William Cannon',
  'Parmer', 'Anderson Mill', 'Brodie', 'Escarpment', 'Rundberg', 'Koenig', 'Enfield', 'Windsor', 'Westlake',
  'Bee Caves', 'Spicewood Springs', 'Hill Country', 'Ranch Road', 'Cypress Creek', 'Hidden Valley', 'Sunset',
];

// biome-ignore format: a word list reads best packed
export const STREET_SUFFIXES = ['St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Rd', 'Ct', 'Trl', 'Way', 'Cv', 'Pkwy', 'Loop'];

/** [city, postal code prefix, latitude, longitude]: the addresses' coordinates scatter around these. */
// biome-ignore format: a word list reads best packed
export const CITIES: readonly [string, string, number, number][] = [
  ['Austin', '787', 30.2672, -97.7431],
  ['Round Rock', '786', 30.5083, -97.6789],
  ['Cedar Park', '786', 30.5052, -97.8203],
  ['Pflugerville', '786', 30.4394, -97.62],
  ['Georgetown', '786', 30.6333, -97.677],
  ['Leander', '786', 30.5788, -97.8531],
  ['Kyle', '786', 29.9891, -97.8772],
  ['Buda', '786', 30.0852, -97.8403],
  ['Lakeway', '787', 30.3638, -97.9795],
  ['Bee Cave', '787', 30.3085, -97.945],
  ['San Marcos', '786', 29.8833, -97.9414],
  ['Dripping Springs', '786', 30.1902, -98.0867],
];
