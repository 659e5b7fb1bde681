/**
 * Small line pictograms (24px, drawn in the text colour, hidden from screen readers: the words beside
 * them say the same). One per life domain, so a person can find "children" or "housing" without
 * reading, and a few for the controls.
 */
import type { JSX } from 'preact';

type IconProps = { class?: string };

function Icon({ d, class: extra, children }: { d?: string; class?: string; children?: JSX.Element | JSX.Element[] }) {
  return (
    <svg
      class={extra ? `icon ${extra}` : 'icon'}
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {d && <path d={d} />}
      {children}
    </svg>
  );
}

/** One path per life domain (the categories of rule.schema.json). */
const DOMAIN_PATHS: Record<string, string> = {
  // a coin with a euro sign
  inkomen: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM15.5 8.6a4.3 4.3 0 1 0 0 6.8M7 10.8h6M7 13.4h5',
  // a house with a door
  wonen: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20',
  // a medical cross
  gezondheid: 'M9 3.5h6v5.5h5.5v6H15v5.5H9V15H3.5V9H9z',
  // a grown-up and a child
  kinderen: 'M8 2.8a2.4 2.4 0 1 0 0 4.8a2.4 2.4 0 1 0 0-4.8zM4 21v-7a4 4 0 0 1 8 0v7M17 9.6a2 2 0 1 0 0 4a2 2 0 1 0 0-4zM14.2 21v-3.2a2.8 2.8 0 0 1 5.6 0V21',
  // a ticket
  'vrije-tijd': 'M3 7h18v3.2a1.8 1.8 0 0 0 0 3.6V17H3v-3.2a1.8 1.8 0 0 0 0-3.6zM15 7.5v1.5M15 11.2v1.6M15 15v1.5',
  // a bus
  mobiliteit: 'M6.5 3h11A2.5 2.5 0 0 1 20 5.5V18H4V5.5A2.5 2.5 0 0 1 6.5 3zM4 11h16M7 18v2.5M17 18v2.5M8 14.5h.01M16 14.5h.01',
  // a lightning bolt
  energie: 'M13 2.5 4.5 13.5H11l-1 8 8.5-11H12z',
  // a fork and a knife
  voeding: 'M7 3v6a2 2 0 0 0 2 2 2 2 0 0 0 2-2V3M9 3v18M17 21V3c-2.2 1.5-3 4.2-3 7.5 0 2 1 2.5 3 2.5',
  // a bill
  schulden: 'M6 2.5h8.5L19 7v14.5H6zM14 2.5V7h5M9 11h7M9 14.5h7M9 18h4',
};

/** The pictogram of a life domain, or nothing for a domain without one. */
export function DomainIcon({ domain, class: extra }: { domain: string } & IconProps) {
  const d = DOMAIN_PATHS[domain];
  return d ? <Icon d={d} class={extra ? `icon-domain ${extra}` : 'icon-domain'} /> : null;
}

export const GlobeIcon = (p: IconProps) => (
  <Icon {...p} d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM3.5 12h17M12 3c2.4 2.6 3.6 5.6 3.6 9s-1.2 6.4-3.6 9c-2.4-2.6-3.6-5.6-3.6-9S9.6 5.6 12 3z" />
);

/** A loudspeaker with sound waves: not mirrored in right-to-left languages (a media symbol). */
export const SpeakerIcon = (p: IconProps) => <Icon {...p} d="M4 9.5h3.5L12.5 5v14l-5-4.5H4zM16 9a4.2 4.2 0 0 1 0 6M18.6 6.5a8 8 0 0 1 0 11" />;

export const StopIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" fill="currentColor" />
  </Icon>
);

/** "Back": points to where reading starts, so it is mirrored in right-to-left languages. */
export const BackIcon = (p: IconProps) => <Icon {...p} class={p.class ? `mirror ${p.class}` : 'mirror'} d="M14.5 5.5 8 12l6.5 6.5" />;
