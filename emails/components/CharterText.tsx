/** @jsxImportSource react */
import { Section, Text } from '@react-email/components';
import { useBrand } from './brand.js';

/** The cohort's charter as written, one commitment per line, set off from the email's own words. */
export function CharterText({ charter }: { charter: string }) {
  return (
    <Section style={{ borderLeft: `3px solid ${useBrand().colour}`, paddingLeft: '12px' }}>
      {charter
        .split('\n')
        .filter((line) => line.trim())
        .map((line, i) => (
          <Text key={i} style={{ margin: '4px 0' }}>
            {line}
          </Text>
        ))}
    </Section>
  );
}
