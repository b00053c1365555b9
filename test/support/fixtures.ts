// A small, named world for subgraph tests, written straight into each subgraph's tables.
import type { Database } from "../../db/client.js";
import { normalizeName } from "../../services/kit/records/normalize-name.js";
import { actorRelations, actors, aliases } from "../../services/actors/data/tables.js";
import { incidentSources, incidents, participants, places } from "../../services/incidents/data/tables.js";
import { claims, sources, stances, statementIncidents, statements } from "../../services/statements/data/tables.js";

export const ids = {
  zelensky: "meridian:zelensky",
  linJian: "meridian:lin-jian",
  ministry: "meridian:china-mfa",
  ukraine: "meridian:ukraine",
  brigade: "meridian:81st-brigade",
  captive: "meridian:wang-guangjun",
  briefing: "meridian:briefing-source",
  reuters: "meridian:reuters-source",
  claim155: "meridian:claim-155",
  statementApril9: "meridian:zelensky-2025-04-09",
  statementApril8: "meridian:zelensky-2025-04-08",
  linResponse: "meridian:lin-2025-04-10",
  capture: "meridian:capture",
  clash: "meridian:clash",
  placeDonetsk: "meridian:capture-donetsk",
  placeLuhansk: "meridian:capture-luhansk",
} as const;

export async function insertFixtures(db: Database): Promise<void> {
  await db.insert(actors).values([
    { id: ids.zelensky, kind: "PERSON", name: "Volodymyr Zelensky", country: "UKR" },
    { id: ids.linJian, kind: "PERSON", name: "Lin Jian", country: "CHN" },
    { id: ids.ministry, kind: "GOVERNMENT_BODY", name: "Ministry of Foreign Affairs of China", country: "CHN" },
    { id: ids.ukraine, kind: "STATE", name: "Ukraine", country: "UKR" },
    { id: ids.brigade, kind: "ARMED_FORCE", name: "81st Airmobile Brigade", country: "UKR" },
    { id: ids.captive, kind: "PERSON", name: "Wang Guangjun", country: "CHN" },
  ]);
  await db.insert(aliases).values([
    { actorId: ids.zelensky, scheme: "FREE", value: "Zelenskyy", normalizedValue: "zelenskyy" },
    { actorId: ids.zelensky, scheme: "TITLE", value: "President of Ukraine", normalizedValue: "president of ukraine", validFrom: "2019-05-20" },
    { actorId: ids.zelensky, scheme: "WIKIDATA", value: "Q3874799", normalizedValue: "q3874799" },
  ]);
  await db.insert(actorRelations).values([
    {
      id: "meridian:lin-spokesperson",
      subjectId: ids.linJian,
      predicate: "SPOKESPERSON_FOR",
      objectId: ids.ministry,
      validFrom: "2024-01-01",
      sourceId: ids.reuters,
    },
    { id: "meridian:zelensky-leader", subjectId: ids.zelensky, predicate: "LEADER_OF", objectId: ids.ukraine, validFrom: "2019-05-20" },
    { id: "meridian:brigade-part-of", subjectId: ids.brigade, predicate: "PART_OF", objectId: ids.ukraine },
  ]);
  await db.insert(sources).values([
    {
      id: ids.briefing,
      kind: "PRESS_BRIEFING",
      title: "Zelensky's briefing",
      url: "https://example.org/briefing",
      publishedOn: "2025-04-09",
      publishedPrecision: "DAY",
    },
    { id: ids.reuters, kind: "ARTICLE", title: "China answers", url: "https://example.org/answer", publisher: "Reuters" },
  ]);
  await db.insert(statements).values([
    {
      id: ids.statementApril8,
      speakerId: ids.zelensky,
      saidOn: "2025-04-08",
      saidPrecision: "DAY",
      modality: "POST",
      text: "We captured two Chinese citizens.",
      language: "en",
      sourceId: ids.briefing,
    },
    {
      id: ids.statementApril9,
      speakerId: ids.zelensky,
      onBehalfOfId: ids.ukraine,
      saidOn: "2025-04-09",
      saidPrecision: "DAY",
      venue: "press briefing",
      modality: "DIRECT_QUOTE",
      text: "There are 155 people with surnames.",
      language: "en",
      sourceId: ids.briefing,
    },
    {
      id: ids.linResponse,
      speakerId: ids.linJian,
      onBehalfOfId: ids.ministry,
      saidOn: "2025-04-10",
      saidPrecision: "DAY",
      modality: "PARAPHRASE",
      text: "Parties should not make irresponsible remarks.",
      language: "en",
      sourceId: ids.reuters,
      respondsToId: ids.statementApril9,
    },
  ]);
  await db.insert(claims).values([
    {
      id: ids.claim155,
      text: "155 Chinese citizens fight for Russia",
      subjectId: ids.captive,
      predicate: "FIGHTS_FOR",
      objectId: ids.ukraine,
      quantity: 155,
      incidentId: ids.capture,
    },
  ]);
  await db.insert(stances).values([
    { statementId: ids.statementApril9, claimId: ids.claim155, stance: "ASSERTS" },
    { statementId: ids.linResponse, claimId: ids.claim155, stance: "DISPUTES" },
  ]);
  await db.insert(statementIncidents).values([{ statementId: ids.statementApril8, incidentId: ids.capture }]);
  await db.insert(incidents).values([
    {
      id: ids.capture,
      type: "CAPTURE",
      title: "Capture of two Chinese nationals",
      startOn: "2025-04-08",
      startPrecision: "ON_OR_BEFORE",
      status: "REPORTED",
      dataset: "MERIDIAN",
    },
    {
      id: ids.clash,
      type: "ARMED_CLASH",
      title: "Clash near Tarasivka",
      startOn: "2025-04-05",
      startPrecision: "MONTH",
      status: "ALLEGED",
      dataset: "MERIDIAN",
      fatalitiesBest: 2,
    },
  ]);
  await db.insert(places).values([
    {
      id: ids.placeDonetsk,
      incidentId: ids.capture,
      name: "Tarasivka and Bilohorivka",
      admin1: "Donetsk",
      country: "UKR",
      isPrimary: true,
      isDisputed: true,
      sourceId: ids.briefing,
    },
    {
      id: ids.placeLuhansk,
      incidentId: ids.capture,
      name: "Bilohorivka",
      admin1: "Luhansk",
      country: "UKR",
      isPrimary: false,
      isDisputed: true,
      sourceId: ids.reuters,
    },
  ]);
  await db.insert(participants).values([
    { incidentId: ids.capture, actorId: ids.brigade, role: "CAPTOR" },
    { incidentId: ids.capture, actorId: ids.captive, role: "CAPTIVE", count: 1 },
    { incidentId: ids.clash, actorId: ids.brigade, role: "SIDE_A" },
    { incidentId: ids.clash, actorId: ids.captive, role: "SIDE_B" },
  ]);
  await db.insert(incidentSources).values([
    { incidentId: ids.capture, sourceId: ids.briefing },
    { incidentId: ids.capture, sourceId: ids.reuters },
  ]);
}

// Incidents for the incidents subgraph's filter, search and statistics tests: several
// countries, areas, types, statuses, datasets, months and death tolls. Each incident's
// area and coordinates are its primary place's, copied onto it as every writer does.
export const incidentWorld = {
  russianForces: "meridian:world-russian-forces",
  ukrainianForces: "meridian:world-ukrainian-forces",
  civilians: "meridian:world-civilians",
  protesters: "meridian:world-protesters",
  police: "meridian:world-police",
  shellingDonetsk: "meridian:world-shelling-of-donetsk",
  clashBakhmut: "meridian:world-clash-near-bakhmut",
  captureKupiansk: "meridian:world-capture-near-kupiansk",
  protestKyiv: "meridian:world-protest-in-kyiv",
  riotTbilisi: "meridian:world-riot-in-tbilisi",
  strikeBelgorod: "meridian:world-strike-on-belgorod",
  exchangeAgreement: "meridian:world-exchange-agreement",
} as const;

export async function insertIncidentWorld(db: Database): Promise<void> {
  const w = incidentWorld;
  const place = (name: string, country: string, admin1: string, latitude: number | null, longitude: number | null) => ({
    name,
    country,
    admin1,
    latitude,
    longitude,
  });
  const world = [
    {
      id: w.shellingDonetsk,
      type: "REMOTE_VIOLENCE",
      status: "CONFIRMED",
      dataset: "ACLED",
      startOn: "2024-01-15",
      fatalitiesBest: 3,
      title: "Shelling of Donetsk city centre",
      summary: "Artillery shelling hit the city centre of Donetsk; three civilians were killed.",
      place: place("Donetsk", "UKR", "Donetsk", 48.0159, 37.8028),
      participants: [
        { actorId: w.ukrainianForces, role: "PERPETRATOR" },
        { actorId: w.civilians, role: "TARGET" },
      ],
    },
    {
      id: w.clashBakhmut,
      type: "ARMED_CLASH",
      status: "REPORTED",
      dataset: "ACLED",
      startOn: "2024-01-20",
      fatalitiesBest: 12,
      title: "Clash near Bakhmut",
      summary: "Ukrainian and Russian forces clashed near Bakhmut; twelve soldiers were killed.",
      place: place("Bakhmut", "UKR", "Donetsk", 48.5953, 38.0003),
      // Another source puts the clash in Luhansk region; only the primary place counts for filters.
      alternative: place("Bilohorivka", "UKR", "Luhansk", 48.9297, 38.2458),
      participants: [
        { actorId: w.russianForces, role: "SIDE_A" },
        { actorId: w.ukrainianForces, role: "SIDE_B" },
      ],
    },
    {
      id: w.captureKupiansk,
      type: "CAPTURE",
      status: "ALLEGED",
      dataset: "MERIDIAN",
      startOn: "2024-03-02",
      fatalitiesBest: 0,
      title: "Capture of three soldiers near Kupiansk",
      summary: "Russian forces captured three Ukrainian soldiers near Kupiansk.",
      place: place("Kupiansk", "UKR", "Kharkiv", 49.7106, 37.6156),
      participants: [
        { actorId: w.russianForces, role: "CAPTOR" },
        { actorId: w.ukrainianForces, role: "CAPTIVE" },
        { actorId: w.ukrainianForces, role: "TARGET" },
      ],
    },
    {
      id: w.protestKyiv,
      type: "PROTEST",
      status: "CONFIRMED",
      dataset: "ACLED",
      startOn: "2024-03-10",
      fatalitiesBest: null,
      title: "Protest in Kyiv for prisoners of war",
      summary: "Protesters in Kyiv demanded the return of captured soldiers & <b>prisoners</b> of war.",
      place: place("Kyiv", "UKR", "Kyiv City", 50.4501, 30.5234),
      participants: [{ actorId: w.protesters, role: "SIDE_A" }],
    },
    {
      id: w.riotTbilisi,
      type: "RIOT",
      status: "DISPUTED",
      dataset: "ACLED",
      startOn: "2024-05-01",
      fatalitiesBest: 1,
      title: "Riot near parliament in Tbilisi",
      summary: "Police dispersed a riot near parliament in Tbilisi.",
      place: place("Tbilisi", "GEO", "Tbilisi", null, null),
      participants: [
        { actorId: w.protesters, role: "SIDE_A" },
        { actorId: w.police, role: "SIDE_B" },
      ],
    },
    {
      id: w.strikeBelgorod,
      type: "REMOTE_VIOLENCE",
      status: "REPORTED",
      dataset: "GDELT",
      startOn: "2024-05-20",
      fatalitiesBest: 5,
      title: "Drone strike on Belgorod",
      summary: "A drone strike hit Belgorod; five people were killed.",
      place: place("Belgorod", "RUS", "Belgorod", 50.5997, 36.5983),
      participants: [
        { actorId: w.ukrainianForces, role: "PERPETRATOR" },
        { actorId: w.civilians, role: "TARGET" },
      ],
    },
    {
      id: w.exchangeAgreement,
      type: "AGREEMENT",
      status: "REPORTED",
      dataset: "MERIDIAN",
      startOn: "2024-07-04",
      fatalitiesBest: null,
      title: "Prisoner exchange agreement",
      summary: "Both sides agreed to exchange captured soldiers.",
      place: null,
      participants: [
        { actorId: w.russianForces, role: "SIDE_A" },
        { actorId: w.ukrainianForces, role: "SIDE_B" },
      ],
    },
  ] as const;
  await db.insert(incidents).values(
    world.map((incident) => ({
      id: incident.id,
      type: incident.type,
      status: incident.status,
      dataset: incident.dataset,
      title: incident.title,
      summary: incident.summary,
      startOn: incident.startOn,
      startPrecision: "DAY" as const,
      fatalitiesBest: incident.fatalitiesBest,
      country: incident.place?.country ?? null,
      admin1: incident.place?.admin1 ?? null,
      latitude: incident.place?.latitude ?? null,
      longitude: incident.place?.longitude ?? null,
    })),
  );
  await db
    .insert(places)
    .values(
      world.flatMap((incident) => [
        ...(incident.place ? [{ ...incident.place, id: `${incident.id}.primary`, incidentId: incident.id, isPrimary: true }] : []),
        ...("alternative" in incident
          ? [{ ...incident.alternative, id: `${incident.id}.alternative`, incidentId: incident.id, isPrimary: false, isDisputed: true }]
          : []),
      ]),
    );
  await db.insert(participants).values(world.flatMap((incident) => incident.participants.map((participant) => ({ ...participant, incidentId: incident.id }))));
}

// Statements, claims and stances for the statements subgraph's filter, search, statistics and
// claims-view tests: several speakers, languages, sources, months (none in February) and
// replies, and a claim of each status. Only the statements schema is written: actors and
// incidents are known here by ID alone, as the subgraph knows them.
export const statementWorld = {
  tykhyi: "meridian:sw-heorhii-tykhyi",
  maoNing: "meridian:sw-mao-ning",
  zakharova: "meridian:sw-maria-zakharova",
  analyst: "meridian:sw-analyst",
  stateDepartment: "meridian:sw-state-department",
  ukrainianMinistry: "meridian:sw-ukrainian-ministry",
  chineseMinistry: "meridian:sw-chinese-ministry",
  russianMinistry: "meridian:sw-russian-ministry",
  russianForces: "meridian:sw-russian-forces",
  ukraine: "meridian:sw-ukraine",
  china: "meridian:sw-china",
  portStrike: "meridian:sw-odesa-port-strike",
  grainTalks: "meridian:sw-grain-talks",
  kyivPost: "meridian:sw-kyiv-post",
  xinhua: "meridian:sw-xinhua",
  tass: "meridian:sw-tass",
  strikeReported: "meridian:sw-2024-01-10-strike-reported",
  imagesConfirm: "meridian:sw-2024-01-15-images-confirm",
  accusationsBaseless: "meridian:sw-2024-01-20-accusations-baseless",
  restraint: "meridian:sw-2024-03-05-restraint",
  disturbing: "meridian:sw-2024-03-12-disturbing",
  restraintInChinese: "meridian:sw-2024-03-20-restraint-zh",
  lyingInUkrainian: "meridian:sw-2024-03-25-lying-uk",
  recruitsTrained: "meridian:sw-2024-03-28-recruits-trained",
  nobodyTrains: "meridian:sw-2024-04-02-nobody-trains",
  contestedClaim: "meridian:sw-claim-port-struck",
  assertedClaim: "meridian:sw-claim-missiles-used",
  disputedClaim: "meridian:sw-claim-civilian-silos-targeted",
  questionedClaim: "meridian:sw-claim-talks-stalled",
  silentClaim: "meridian:sw-claim-port-reopened",
  trainingClaim: "meridian:sw-claim-russian-forces-train-recruits",
} as const;

export async function insertStatementWorld(db: Database): Promise<void> {
  const w = statementWorld;
  await db.insert(sources).values([
    { id: w.kyivPost, kind: "ARTICLE", title: "Kyiv Post live updates", publisher: "Kyiv Post" },
    { id: w.xinhua, kind: "PRESS_BRIEFING", title: "Foreign ministry briefing", publisher: "Xinhua" },
    { id: w.tass, kind: "OFFICIAL_STATEMENT", title: "Comment of the ministry", publisher: "TASS" },
  ]);
  const statement = (
    id: string,
    speakerId: string,
    onBehalfOfId: string | null,
    saidOn: string,
    language: string,
    sourceId: string,
    text: string,
    respondsToId: string | null = null,
  ) => ({
    id,
    speakerId,
    onBehalfOfId,
    saidOn,
    saidPrecision: "DAY" as const,
    modality: "PARAPHRASE" as const,
    language,
    sourceId,
    text,
    respondsToId,
  });
  await db
    .insert(statements)
    .values([
      statement(
        w.strikeReported,
        w.tykhyi,
        w.ukrainianMinistry,
        "2024-01-10",
        "en",
        w.kyivPost,
        "Russian forces struck the grain port of Odesa with drones and missiles overnight.",
      ),
      statement(
        w.imagesConfirm,
        w.analyst,
        null,
        "2024-01-15",
        "en",
        w.kyivPost,
        "Satellite images confirm that the strike damaged grain silos in the port of Odesa.",
        w.strikeReported,
      ),
      statement(
        w.accusationsBaseless,
        w.zakharova,
        w.russianMinistry,
        "2024-01-20",
        "en",
        w.tass,
        "The accusations about the port are baseless: no civilian grain facilities were targeted.",
        w.strikeReported,
      ),
      statement(
        w.restraint,
        w.maoNing,
        w.chineseMinistry,
        "2024-03-05",
        "en",
        w.xinhua,
        "China calls on all parties to exercise restraint & to verify the reports <carefully>.",
      ),
      statement(w.disturbing, w.stateDepartment, null, "2024-03-12", "en", w.kyivPost, "The reports about the strikes on the port are deeply disturbing."),
      statement(w.restraintInChinese, w.maoNing, w.chineseMinistry, "2024-03-20", "zh", w.xinhua, "我们呼吁各方保持克制。"),
      statement(
        w.lyingInUkrainian,
        w.tykhyi,
        w.ukrainianMinistry,
        "2024-03-25",
        "uk",
        w.kyivPost,
        "Росія знову бреше про удари по порту.",
        w.accusationsBaseless,
      ),
      statement(
        w.recruitsTrained,
        w.analyst,
        null,
        "2024-03-28",
        "en",
        w.kyivPost,
        "Foreign recruits are trained at bases near Moscow before they are sent to the front.",
      ),
      statement(
        w.nobodyTrains,
        w.zakharova,
        w.russianMinistry,
        "2024-04-02",
        "en",
        w.tass,
        "Nobody is training foreign recruits near Moscow.",
        w.recruitsTrained,
      ),
    ]);
  await db.insert(claims).values([
    { id: w.contestedClaim, text: "Russian forces struck the grain port of Odesa", subjectId: w.russianForces, objectId: w.ukraine, incidentId: w.portStrike },
    { id: w.assertedClaim, text: "Missiles were used in the strike on the port", subjectId: w.russianForces, incidentId: w.portStrike },
    { id: w.disputedClaim, text: "Civilian grain silos were targeted", subjectId: w.china, objectId: w.russianForces },
    { id: w.questionedClaim, text: "The grain talks have stalled", subjectId: w.china, incidentId: w.grainTalks },
    { id: w.silentClaim, text: "The port has reopened", subjectId: w.ukraine },
    // Subject and object are the same actor: it is about that actor once.
    { id: w.trainingClaim, text: "Russian forces train foreign recruits for the Russian forces", subjectId: w.russianForces, objectId: w.russianForces },
  ]);
  await db.insert(stances).values([
    { statementId: w.strikeReported, claimId: w.contestedClaim, stance: "ASSERTS" },
    { statementId: w.strikeReported, claimId: w.assertedClaim, stance: "ASSERTS" },
    { statementId: w.imagesConfirm, claimId: w.contestedClaim, stance: "SUPPORTS" },
    { statementId: w.accusationsBaseless, claimId: w.contestedClaim, stance: "DENIES" },
    { statementId: w.accusationsBaseless, claimId: w.disputedClaim, stance: "DENIES" },
    { statementId: w.restraint, claimId: w.contestedClaim, stance: "DISPUTES" },
    { statementId: w.restraint, claimId: w.questionedClaim, stance: "QUESTIONS" },
    { statementId: w.disturbing, claimId: w.assertedClaim, stance: "COMMENTS" },
    { statementId: w.disturbing, claimId: w.contestedClaim, stance: "QUESTIONS" },
    { statementId: w.recruitsTrained, claimId: w.trainingClaim, stance: "ASSERTS" },
  ]);
}

// Actors for the actors subgraph's filter, search and relation tests: names spelled several
// ways, codes in several schemes, and relations that began and ended on given days (close to
// the real ones, but chosen for the tests). Each name is also stored as a FREE alias, as
// the document loader stores it.
export const actorWorld = {
  zelensky: "meridian:aw-volodymyr-zelensky",
  zelenska: "meridian:aw-olena-zelenska",
  poroshenko: "meridian:aw-petro-poroshenko",
  ukraine: "meridian:aw-ukraine",
  russianForces: "meridian:aw-russian-armed-forces",
  regiment70: "meridian:aw-70th-motorized-rifle-regiment",
  chineseFighters: "meridian:aw-chinese-citizens-fighting-for-russia",
  wangGuangjun: "meridian:aw-wang-guangjun",
  ministry: "meridian:aw-chinese-foreign-ministry",
  zhaoLijian: "meridian:aw-zhao-lijian",
  wangWenbin: "meridian:aw-wang-wenbin",
  linJian: "meridian:aw-lin-jian",
  europeanUnion: "meridian:aw-european-union",
} as const;

export async function insertActorWorld(db: Database): Promise<void> {
  const w = actorWorld;
  type Scheme = "FREE" | "TITLE" | "ACLED" | "CAMEO" | "WIKIDATA";
  const world: {
    id: string;
    kind: "PERSON" | "STATE" | "GOVERNMENT_BODY" | "ARMED_FORCE" | "ORGANIZATION" | "POPULATION_GROUP";
    name: string;
    country: string | null;
    aliases: { scheme: Scheme; value: string; validFrom?: string; validTo?: string }[];
  }[] = [
    {
      id: w.zelensky,
      kind: "PERSON",
      name: "Volodymyr Zelensky",
      country: "UKR",
      aliases: [
        { scheme: "FREE", value: "Zelenskyy" },
        { scheme: "FREE", value: "Zelenskiy" },
        { scheme: "FREE", value: "Volodymyr Zelenskyy" },
        { scheme: "TITLE", value: "President of Ukraine", validFrom: "2019-05-20" },
        { scheme: "WIKIDATA", value: "Q3874799" },
      ],
    },
    {
      id: w.zelenska,
      kind: "PERSON",
      name: "Olena Zelenska",
      country: "UKR",
      aliases: [{ scheme: "TITLE", value: "First Lady of Ukraine", validFrom: "2019-05-20" }],
    },
    {
      id: w.poroshenko,
      kind: "PERSON",
      name: "Petro Poroshenko",
      country: "UKR",
      aliases: [{ scheme: "TITLE", value: "President of Ukraine", validFrom: "2014-06-07", validTo: "2019-05-20" }],
    },
    {
      id: w.ukraine,
      kind: "STATE",
      name: "Ukraine",
      country: "UKR",
      aliases: [
        { scheme: "CAMEO", value: "UKR" },
        { scheme: "WIKIDATA", value: "Q212" },
      ],
    },
    {
      id: w.russianForces,
      kind: "ARMED_FORCE",
      name: "Armed Forces of the Russian Federation",
      country: "RUS",
      aliases: [
        { scheme: "FREE", value: "Russian army" },
        { scheme: "ACLED", value: "Military Forces of Russia (2022-)" },
        { scheme: "CAMEO", value: "RUSMIL" },
      ],
    },
    { id: w.regiment70, kind: "ARMED_FORCE", name: "70th Motorized Rifle Regiment", country: "RUS", aliases: [] },
    { id: w.chineseFighters, kind: "POPULATION_GROUP", name: "Chinese citizens fighting for Russia", country: "CHN", aliases: [] },
    { id: w.wangGuangjun, kind: "PERSON", name: "Wang Guangjun", country: "CHN", aliases: [] },
    {
      id: w.ministry,
      kind: "GOVERNMENT_BODY",
      name: "Ministry of Foreign Affairs of China",
      country: "CHN",
      aliases: [{ scheme: "FREE", value: "Chinese foreign ministry" }],
    },
    { id: w.zhaoLijian, kind: "PERSON", name: "Zhao Lijian", country: "CHN", aliases: [] },
    { id: w.wangWenbin, kind: "PERSON", name: "Wang Wenbin", country: "CHN", aliases: [] },
    { id: w.linJian, kind: "PERSON", name: "Lin Jian", country: "CHN", aliases: [] },
    { id: w.europeanUnion, kind: "ORGANIZATION", name: "European Union", country: null, aliases: [{ scheme: "FREE", value: "EU" }] },
  ];
  await db.insert(actors).values(world.map(({ aliases: _aliases, ...actor }) => actor));
  await db.insert(aliases).values(
    world.flatMap((actor) =>
      [{ scheme: "FREE" as const, value: actor.name }, ...actor.aliases].map((alias) => ({
        ...alias,
        actorId: actor.id,
        normalizedValue: normalizeName(alias.value),
      })),
    ),
  );
  const relation = (
    key: string,
    subjectId: string,
    predicate: "LEADER_OF" | "SPOKESPERSON_FOR" | "SERVES_IN" | "PART_OF",
    objectId: string,
    validFrom: string | null = null,
    validTo: string | null = null,
  ) => ({ id: `meridian:aw-${key}`, subjectId, predicate, objectId, validFrom, validTo });
  await db
    .insert(actorRelations)
    .values([
      relation("poroshenko-leads-ukraine", w.poroshenko, "LEADER_OF", w.ukraine, "2014-06-07", "2019-05-20"),
      relation("zelensky-leads-ukraine", w.zelensky, "LEADER_OF", w.ukraine, "2019-05-20"),
      relation("regiment-70-part-of-russian-forces", w.regiment70, "PART_OF", w.russianForces),
      relation("chinese-fighters-serve-in-regiment-70", w.chineseFighters, "SERVES_IN", w.regiment70),
      relation("wang-guangjun-serves-in-regiment-70", w.wangGuangjun, "SERVES_IN", w.regiment70, "2025-02-01", "2025-04-08"),
      relation("zhao-lijian-speaks-for-ministry", w.zhaoLijian, "SPOKESPERSON_FOR", w.ministry, "2020-02-24", "2023-01-09"),
      relation("wang-wenbin-speaks-for-ministry", w.wangWenbin, "SPOKESPERSON_FOR", w.ministry, "2020-07-20", "2024-07-31"),
      relation("lin-jian-speaks-for-ministry", w.linJian, "SPOKESPERSON_FOR", w.ministry, "2023-10-01"),
    ]);
}
