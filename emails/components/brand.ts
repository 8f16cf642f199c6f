import { createContext, useContext } from 'react';
import { TANDEM_BRAND, type Brand } from '../../domain/organisation.js';

/** The organisation an email comes from, given by the notifier when it renders: every template wears it. */
export const BrandContext = createContext<Brand>(TANDEM_BRAND);

export const useBrand = () => useContext(BrandContext);
