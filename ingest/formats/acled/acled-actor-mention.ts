// An ACLED actor's name turned into a mention with what its name says (acled-actor-names.ts):
// its country, its period (kept on the alias), the force or mission it is part of, and, for a
// state's forces, police or government, the CAMEO code that denotes the same body. The crosswalk
// rule: a name of the period in force now, open-ended ("Military Forces of Somalia (2022-)"),
// is the same actor as CAMEO SOMMIL; one of a closed period ("(2012-2022)") is an actor of its
// own, PART_OF the CAMEO one for its years. No public crosswalk exists; this one is ours.
import type { ActorKind, ActorMention } from "../../import/dataset-record.js";
import { cameoCountryRole } from "../gdelt/cameo-actors.js";
import { cameoActorKind } from "../gdelt/cameo.js";
import { type AcledStateRole, parseAcledActorName } from "./acled-actor-names.js";
import { acledActorKind } from "./acled-taxonomy.js";

const CROSSWALK_RULE = "ACLED's state forces, police or government of the period in force are CAMEO <country>MIL, COP or GOV";

/** The mention of an ACLED actor; `actorType` is the kind its row's inter1/inter2 gives, if any. */
export function acledActorMention(name: string, actorType: ActorKind | undefined): ActorMention {
  const parsed = parseAcledActorName(name);
  const { kind, isStated } = acledActorKind(name, actorType);
  const mention: ActorMention = {
    scheme: "ACLED",
    value: name,
    name,
    kind,
    kindIsStated: isStated,
    country: parsed.country,
    validFrom: parsed.period ? `${parsed.period.from}-01-01` : null,
    validTo: parsed.period?.to ? `${parsed.period.to}-12-31` : null,
  };
  if (parsed.parent !== null) return { ...mention, partOf: acledActorMention(parsed.parent, undefined), partOfRule: "unit" };
  if (parsed.state === null) return mention;
  const cameo = cameoMention(parsed.state.country, parsed.state.role);
  return parsed.period?.to === null ? { ...mention, sameAs: cameo, sameAsRule: CROSSWALK_RULE } : { ...mention, partOf: cameo, partOfRule: "crosswalk" };
}

/** The CAMEO mention of a country's role (SOMMIL), as GDELT's import would make it. */
function cameoMention(country: string, role: AcledStateRole): ActorMention {
  const entity = cameoCountryRole(country, role);
  const { kind, isStated } = cameoActorKind({ code: entity.code, countryCode: country, knownGroupCode: null, typeCode: role, isCountry: true });
  return { scheme: "CAMEO", value: entity.code, name: entity.name, kind, kindIsStated: isStated, country };
}
