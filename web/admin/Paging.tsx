import type { Page } from '../../domain/paging.js';
import { useTranslator } from '../views/language.js';

/** Previous and next links of a long list; `linkTo` keeps the search and filters in each link. */
export function Paging({ page, linkTo }: { page: Page<unknown>; linkTo: (page: number) => string }) {
  const { t } = useTranslator();
  if (page.pages <= 1) return null;
  return (
    <nav class="paging" aria-label={t('admin.paging.label')}>
      {page.page > 1 && <a href={linkTo(page.page - 1)}>{t('admin.paging.previous')}</a>}
      <span>{t('admin.paging.page', { page: page.page, pages: page.pages })}</span>
      {page.page < page.pages && <a href={linkTo(page.page + 1)}>{t('admin.paging.next')}</a>}
    </nav>
  );
}
