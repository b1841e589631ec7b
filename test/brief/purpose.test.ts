import { describe, expect, it } from 'vitest';
import { briefFromText, resolve } from '../../src/brief/index.js';
import { parseBriefFile } from '../../src/brief/file.js';
import { judgePurpose } from '../../src/brief/purpose.js';

/** The refusal judges the purpose (who is watched, with what consent, to what end), not a keyword. */
const SURVEILLANCE = [
  'Track every citizen\'s phone location in real time and keep a history of where they go.',
  'A platform to monitor all residents of the city: their movements, purchases and who they meet.',
  'Build a system to track political dissidents and flag their contacts.',
  'Identify protesters from drone footage and match them to national ID photos.',
  'Face recognition on city CCTV cameras to identify everyone walking past.',
  'A population-wide social credit score that lowers people\'s rating when they criticise the government.',
  'Collect the browsing history of users without their consent and sell it to advertisers.',
  'An app that secretly records employees\' keystrokes and screenshots without them knowing.',
  'Monitor journalists\' phone calls and messages to find their sources.',
  'Spy on my girlfriend\'s location without her knowing.',
  'Covertly harvest location data from phones of people near the stadium.',
  'Build mass surveillance for a country of 50 million people.',
  'A database that profiles members of a religious minority and tracks their attendance.',
  'Intercept the messages of opposition politicians and store them for analysis.',
  'Unmask anonymous whistleblowers by correlating their writing style with employee emails.',
  'Track the whole population\'s movements through their phones, 50M people, 99.99% uptime.',
  'Real-time face recognition in public squares to find people on a watchlist.',
];
const LEGITIMATE = [
  'Nearby friends: people who opt in share their location and see friends within 5 miles.',
  'Fleet tracking for our 2,000 company-owned delivery vans, location every 30 seconds.',
  'Security cameras on our own premises with 30 days of retention.',
  'Fraud detection that flags suspicious card transactions in real time for 10M customers.',
  'A ride-hailing app: riders track their driver\'s location on the map until pickup.',
  'Monitor CPU, memory and disk of 10,000 servers and alert on-call engineers.',
  'An IoT platform that tracks temperature readings of 50k sensors every 10 seconds.',
  'Parcel tracking so customers can see where their order is.',
  'A secure messaging app for journalists to protect their sources.',
  'Track inventory across 400 stores and warn when stock runs low.',
  'A fitness app where users track their runs and share them with friends who follow them.',
  'Record every payment in an append-only ledger for audits.',
  'Log API requests with request IDs for debugging, 30-day retention.',
  'A leaderboard that ranks every player by score in real time.',
  'Blur faces in street-view images before publishing them.',
  'Anti-money-laundering screening that monitors transfers above $10,000.',
  'An analytics dashboard that tracks page views and conversion per campaign.',
  'A tool for researchers to detect and prevent mass surveillance.',
];

describe('the purpose judgement', () => {
  it.each(SURVEILLANCE)('refuses: %s', (text) => {
    expect(judgePurpose(text), text).not.toBeNull();
    expect(() => resolve(briefFromText(text))).toThrow(expect.objectContaining({ code: 'REFUSED' }));
  });

  it.each(LEGITIMATE)('designs: %s', (text) => {
    expect(judgePurpose(text)).toBeNull();
    expect(() => resolve(briefFromText(text))).not.toThrow(expect.objectContaining({ code: 'REFUSED' }));
  });

  it('screens a YAML brief\'s requirements and existing system too, not only its description', () => {
    const yaml = 'title: City services app\ndescription: An app for residents of the city\nrequirements:\n  - track every citizen\'s phone location around the clock\n';
    const input = parseBriefFile(yaml, 'brief.yaml');
    expect(input.refusal?.value).toMatch(/whole population/);
    expect(() => resolve(input)).toThrow(expect.objectContaining({ code: 'REFUSED' }));
  });
});
