/**
 * Small line pictograms (24px, drawn in the text colour, hidden from screen readers: the words beside
 * them say the same). One per life domain, so a person can find "children" or "housing" without
 * reading, and a few for the controls.
 */
import type { JSX } from 'preact';
import { useServices } from '../context';

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

/** The pictogram of a life domain: its path is data (rules/categories.json), so a release can add one. */
export function DomainIcon({ domain, class: extra }: { domain: string } & IconProps) {
  const { state } = useServices();
  const d = state.rules.value?.ruleset.categories.find((c) => c.id === domain)?.icon;
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
