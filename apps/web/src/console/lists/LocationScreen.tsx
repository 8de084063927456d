import type { ComponentType } from 'preact';
import { ListHeading } from './ListHeading';
import { NeedLocation } from './NeedLocation';

/** A per-location screen: the heading names the location, and the body starts afresh whenever the desk changes location. */
export function LocationScreen({ heading, body: Body }: { heading: string; body: ComponentType<{ locationId: string }> }) {
  return (
    <>
      <ListHeading heading={heading} />
      <NeedLocation>{(id) => <Body key={id} locationId={id} />}</NeedLocation>
    </>
  );
}
