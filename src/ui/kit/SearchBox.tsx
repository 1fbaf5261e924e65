import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A search field that reports its text after the person stops typing (`delay` ms), so a
 * table is not re-queried on every key.
 */
export function SearchBox({
  value,
  onChange,
  placeholder,
  delay = 250,
  testId = 'search-input',
}: {
  value: string;
  onChange: (q: string) => void;
  placeholder?: string;
  delay?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);

  return (
    <div className="k-search">
      <input
        type="search"
        value={text}
        placeholder={placeholder ?? t('kit.search')}
        aria-label={placeholder ?? t('kit.search')}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') latest.current(text);
        }}
      />
    </div>
  );
}
