/**
 * Greetings, thanks and pleasantries: a message made only of these needs no retrieval.
 * Each entry is a whole-message pattern, so "hi, how do I meditate?" is not small talk.
 */
const SMALL_TALK =
  /^(?:(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|night)|thanks|thank you|thank you so much|thx|cheers|bye|goodbye|see you|ok|okay|cool|nice|great|how are you(?: doing| today)?|what'?s up|who are you|nice to meet you)(?: there)?(?: herman| friend| master| teacher)?[\s!.,?]*)+$/i;

export const isSmallTalk = (message: string): boolean => SMALL_TALK.test(message.trim());
