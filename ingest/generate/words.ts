// Words generated names and texts are made of. Statement texts are sentences over a shared
// vocabulary, so full-text queries ("recruiting chinese citizens", "ceasefire") find some
// statements and not others, as on real data.

export const FIRST_NAMES = [
  "Olena", "Dmytro", "Andriy", "Iryna", "Sergei", "Maria", "Ahmed", "Fatima", "Omar", "Aisha", "Mohamed", "Leila",
  "Ibrahim", "Amina", "Yusuf", "Hassan", "Lin", "Wei", "Jian", "Mei", "Kim", "Min-jun", "Carlos", "Ana", "Luis",
  "Sofia", "Jean", "Marie", "Pierre", "Amadou", "Fatoumata", "Moussa", "Abdi", "Halima", "Kofi", "Grace", "John",
  "Sarah", "David", "Rachel", "Ali", "Zainab", "Karim", "Nadia", "Volodymyr", "Oleksandr", "Yulia", "Ivan", "Anna", "Pavel",
] as const;

export const LAST_NAMES = [
  "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Ivanov", "Petrov", "Smirnov", "Volkov", "Haddad", "Khalil",
  "Mansour", "Nasser", "Abdullah", "Rahman", "Hussein", "Osman", "Wang", "Zhang", "Liu", "Chen", "Park", "Lee",
  "Garcia", "Martinez", "Lopez", "Rodriguez", "Dubois", "Laurent", "Traore", "Diallo", "Keita", "Coulibaly", "Mohamud",
  "Warsame", "Mensah", "Okafor", "Adeyemi", "Smith", "Johnson", "Cohen", "Levi", "Karimi", "Ahmadi", "Zelenskyi",
  "Melnyk", "Sokolov", "Kuznetsov", "Farah", "Yilmaz", "Demir",
] as const;

export const PERSON_TITLES = ["Spokesperson", "Minister of Defence", "Foreign Minister", "Commander", "President", "Governor", "Deputy Minister", "Ambassador"] as const;

export const GROUP_WORDS = ["Liberation", "Resistance", "Defence", "Popular", "Islamic", "Democratic", "Revolutionary", "National", "United", "Patriotic"] as const;
export const GROUP_NOUNS = ["Front", "Movement", "Brigade", "Army", "Forces", "Militia", "Council", "Alliance", "Battalion", "Union"] as const;
export const MINISTRIES = ["Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of Interior", "General Staff", "Security Service", "Border Guard Service"] as const;
export const ORGANIZATIONS = ["Red Crescent Society", "Human Rights Monitor", "Civilian Protection Network", "Press Union", "Medical Relief Committee", "Election Commission"] as const;
export const POPULATION_GROUPS = ["Civilians", "Farmers", "Students", "Journalists", "Prisoners of War", "Refugees", "Citizens", "Volunteers"] as const;

export const PUBLISHERS = ["Reuters", "Associated Press", "Agence France-Presse", "Kyiv Independent", "Al Jazeera", "BBC", "TASS", "Xinhua", "Ukrainska Pravda", "Le Monde", "Radio Dabanga", "Garowe Online"] as const;

export const VENUES = ["press conference", "regular briefing", "parliament session", "televised address", "interview", "social media post", "security council meeting"] as const;

export const SUBJECTS = [
  "foreign fighters", "chinese citizens", "north korean soldiers", "civilians", "prisoners of war", "volunteers", "mercenaries",
  "peacekeepers", "journalists", "aid workers", "conscripts", "border guards",
] as const;

export const VERBS = [
  "recruited", "captured", "trained", "deployed", "attacked", "shelled", "evacuated", "detained", "released", "killed",
  "wounded", "exchanged", "abducted", "targeted", "protected",
] as const;

export const OBJECTS = [
  "a convoy", "the front line", "a drone unit", "an artillery position", "the border crossing", "a humanitarian corridor",
  "an oil depot", "a power station", "the airport", "a refugee camp", "an ammunition store", "a ceasefire line",
] as const;

export const STANCE_PHRASES = [
  "These reports are groundless and irresponsible.",
  "We have verified evidence that confirms it.",
  "The claims are a deliberate provocation.",
  "We call on all parties to respect the ceasefire.",
  "An investigation has been opened.",
  "We are aware of the reports and are checking them.",
  "Such remarks do not help to resolve the conflict.",
  "Our position on this question has not changed.",
] as const;

export const CLAIM_PREDICATES = ["FIGHTS_FOR", "CAPTURED", "RECRUITED", "ATTACKED", "TRAINED", "SUPPLIED"] as const;
