// Everything a screen needs from outside React, provided once: stores, the API client, the gateway to
// the live conversation and the clock. Tests build their own with fakes.
import { createContext, type ReactNode, useContext } from 'react';
import type { Gateway } from '../api/gateway.ts';
import type { Api } from '../api/http.ts';
import { type Stores, StoresContext } from '../stores/index.ts';
import type { Ticker } from './clock.ts';

export interface Services {
  api: Api;
  gateway: Gateway;
  ticker: Ticker;
}

const ServicesContext = createContext<Services | null>(null);

export function AppProviders({
  stores,
  services,
  children,
}: {
  stores: Stores;
  services: Services;
  children: ReactNode;
}) {
  return (
    <StoresContext.Provider value={stores}>
      <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
    </StoresContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext missing: render inside <AppProviders>');
  return services;
}
