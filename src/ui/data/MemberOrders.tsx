import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, Product, Store } from '../../core/model';
import { Button, formatDateTime, formatMoney, useLocale } from '../kit';
import { enumLabel } from './labels';
import { newestFirst } from './memberSummary';

const SHOWN = 200;

/** A member's orders and refunds across every channel, newest first, lines on demand. */
export function MemberOrders({
  orders,
  stores,
  products,
  currency,
}: {
  orders: Order[];
  stores: Map<string, Store>;
  products: Map<string, Product>;
  currency: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const money = (v: number) => formatMoney(v, currency, locale);
  const rows = newestFirst(orders, (o) => o.placedAt).slice(0, SHOWN);
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <section className="k-card section" data-testid="member-orders">
      <h2>
        {t('data.member.orders')} <span className="k-muted">({orders.length})</span>
      </h2>
      {orders.length === 0 ? (
        <p className="k-muted">{t('data.member.nothing')}</p>
      ) : (
        <div className="k-table-wrap">
          <table className="k-table k-table-dense">
            <thead>
              <tr>
                <th>{t('data.col.placedAt')}</th>
                <th>{t('data.col.platform')}</th>
                <th>{t('data.col.store')}</th>
                <th>{t('data.col.kind')}</th>
                <th className="k-num">{t('data.col.paid')}</th>
                <th className="k-num">{t('data.col.refund')}</th>
                <th className="k-num">{t('data.col.gross')}</th>
                <th className="k-num">{t('data.col.discount')}</th>
                <th className="k-num">{t('data.col.storeCredit')}</th>
                <th>{t('data.col.lines')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <Fragment key={o.id}>
                  <tr data-testid="member-order-row">
                    <td className="nowrap">{formatDateTime(o.placedAt, locale)}</td>
                    <td>{enumLabel(t, 'platform', o.platform)}</td>
                    <td className="wrap">{o.storeId ? (stores.get(o.storeId)?.name ?? o.storeId) : t('data.none')}</td>
                    <td>
                      <span className={`k-chip chip-${o.kind}`}>{enumLabel(t, 'orderKind', o.kind)}</span>
                    </td>
                    <td className="k-num">{money(o.paid)}</td>
                    <td className="k-num">{o.refund ? money(o.refund) : t('data.none')}</td>
                    <td className="k-num">{money(o.gross)}</td>
                    <td className="k-num">{o.discount ? money(o.discount) : t('data.none')}</td>
                    <td className="k-num">{o.storeCredit ? money(o.storeCredit) : t('data.none')}</td>
                    <td>
                      <Button
                        variant="ghost"
                        className="k-btn-sm"
                        aria-expanded={open.has(o.id)}
                        aria-label={open.has(o.id) ? t('data.member.hideLines') : t('data.member.showLines')}
                        title={open.has(o.id) ? t('data.member.hideLines') : t('data.member.showLines')}
                        onClick={() => toggle(o.id)}
                        data-testid="order-lines-toggle"
                      >
                        {open.has(o.id) ? '▾' : '▸'} {o.lines.length}
                      </Button>
                    </td>
                  </tr>
                  {open.has(o.id) ? (
                    <tr className="lines-row">
                      <td colSpan={10}>
                        <table className="k-table k-table-inner" data-testid="order-lines">
                          <thead>
                            <tr>
                              <th>{t('data.col.sku')}</th>
                              <th>{t('data.col.product')}</th>
                              <th className="k-num">{t('data.col.qty')}</th>
                              <th className="k-num">{t('data.col.unitPrice')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {o.lines.map((l, i) => (
                              <tr key={i}>
                                <td className="mono">{l.sku}</td>
                                <td>{products.get(l.sku)?.name ?? t('data.none')}</td>
                                <td className="k-num">{l.qty}</td>
                                <td className="k-num">{money(l.unitPrice)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {orders.length > SHOWN ? <p className="k-muted">{t('data.member.moreRows', { shown: SHOWN, total: orders.length })}</p> : null}
    </section>
  );
}
