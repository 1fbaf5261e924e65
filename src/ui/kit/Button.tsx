import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** A button with a touch-sized hit area (≥ 40 px) in one of the kit's variants. */
export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={`k-btn k-btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}
