import { anyOf, upTo, verbs, wholeWords } from "../patterns.ts";
import { asked, PLAY_CONTEXT } from "../vocabulary.ts";
import type { DisallowedRule } from "./rule-types.ts";

/** Harmless things that share a weapon's name: bath bombs, glue guns, poison ivy. */
const HARMLESS_BOMB =
  "(?<!(?:bath|seed|flavou?r|glitter|photo|stink|calorie|love|cheese|chocolate|cake|cocoa|f|truth) )";
const HARMLESS_GUN =
  "(?<!(?:glue|nerf|toy|water|squirt|heat|staple|nail|paint|spray|cap|bubble|finger|foam|lego|paper|rubber band|massage|caulk|caulking|grease|airbrush|soldering|tattoo|price|radar|speed|potato|confetti) )";

/** Weapons of mass harm: making or acquiring any of them is declined. */
export const DESTRUCTIVE_WEAPON = anyOf(
  `${HARMLESS_BOMB}bombs?`,
  "pipe bombs?",
  "car bombs?",
  "explosives?",
  "explosive devices?",
  "ieds?",
  "grenades?",
  "molotov(?: cocktails?)?",
  "napalm",
  "thermite",
  "nerve (?:agents?|gas)",
  "sarin",
  "vx",
  "mustard gas",
  "chlorine gas",
  "(?:toxic|poison|poisonous|deadly|lethal) (?:gas|gases|fumes|vapou?rs?)",
  "ricin",
  "anthrax",
  "cyanide",
  "(?:a |an )?(?:deadly |lethal |untraceable |undetectable |homemade )?poisons?(?! ivy| oak| sumac| control| cent(?:re|er))",
  "chemical weapons?",
  "biological weapons?",
  "bio-?weapons?",
  "dirty bombs?",
  "nuclear (?:bombs?|weapons?)",
  "landmines?",
  "detonators?",
  "booby traps?",
);

/** Firearms: buying one can be lawful, making or converting one at home is declined. */
const FIREARM = anyOf(
  `${HARMLESS_GUN}(?:guns?|firearms?|pistols?|handguns?|rifles?|shotguns?)`,
  "silencers?",
  "suppressors?",
  "machine guns?",
  "zip guns?",
  "(?:untraceable|ghost) guns?",
  "(?:\\w+ )?weapons?",
  "ammunition",
  "bullets",
);

const PRODUCE = anyOf(
  "make",
  "build",
  "create",
  "assemble",
  "construct",
  "manufacture",
  "produce",
  "synthesi[sz]e",
  "3d[- ]print",
  "print",
  "cook up",
  "rig",
  "weaponi[sz]e",
  "convert",
  "modify",
);

const ACQUIRE = anyOf("buy", "get hold of", "obtain", "acquire", "smuggle", "order");

export const ILLEGAL_DRUG = anyOf(
  "meth",
  "methamphetamine",
  "crystal meth",
  "crack cocaine",
  "crack(?! (?:pie|a joke|jokes|open|down|the code|in|on|my|your|his|her|a|the))",
  "cocaine",
  "(?<!(?:diet|can of|bottle of|glass of|cherry|vanilla|a|some) )coke(?! zero| can| bottle)",
  "(?:a )?(?:gram|g|ounce|oz|bag|baggie) of (?:coke|crack|meth|heroin|cocaine|weed|molly|mdma|ketamine)",
  "marijuana",
  "marihuana",
  "cannabis",
  "weed(?! (?:my|the|your|his|her|our|their|a|out|killer|whacker|wacker|control|eater|barrier))",
  "pot",
  "molly",
  "(?:ecstasy|mdma|lsd|acid|meth) (?:pills|tabs|tablets|crystals)",
  "magic mushrooms",
  "shrooms",
  "heroin",
  "fentanyl",
  "carfentanil",
  "lsd",
  "mdma",
  "ecstasy",
  "ghb",
  "pcp",
  "dmt",
  "ketamine",
  "opium",
  "amphetamines?",
  "krokodil",
  "date rape drugs?",
  "roofies",
  "rohypnol",
  "illegal drugs",
  "street drugs",
  "hard drugs",
);

/** Making, moving or buying a controlled drug; "stop using" or "get off" are not here. */
const DRUG_TRADE = verbs(
  "make",
  "cook",
  "synthesize",
  "synthesise",
  "produce",
  "manufacture",
  "brew",
  "extract",
  "refine",
  "smuggle",
  "traffic",
  "sell",
  "buy",
  "get some",
  "get hold of",
  "get",
  "score",
  "order",
  "lace",
  "grow",
);

export const WEAPONS_DRUGS_RULES: readonly DisallowedRule[] = [
  {
    category: "weapons",
    pattern: wholeWords(
      anyOf(
        asked(
          `${anyOf(PRODUCE, ACQUIRE)}${upTo(3)}${DESTRUCTIVE_WEAPON}`,
          `${PRODUCE}${upTo(3)}${FIREARM}`,
        ),
        `${anyOf("buy", "get", "obtain", "carry", "own")} (?:a |an )?${anyOf("gun", "firearm", "pistol", "handgun", "rifle", "weapon")}${upTo(3)}${anyOf("illegally", "without (?:a )?(?:background checks?|licen[cs]e|permit|papers|anyone knowing)", "on the dark ?web", "unregistered")}`,
      ),
    ),
    unless: PLAY_CONTEXT,
  },
  {
    category: "illegal_drugs",
    pattern: wholeWords(
      anyOf(
        `${asked(DRUG_TRADE)}${upTo(3)}${ILLEGAL_DRUG}`,
        `${anyOf("recipe", "synthesis", "precursors?", "lab setup", "ingredients")} (?:for|of|to make) ${ILLEGAL_DRUG}`,
      ),
    ),
    unless: PLAY_CONTEXT,
  },
];
