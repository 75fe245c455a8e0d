// `/` completion offers the phrases for the conversation at hand first: those naming the buyer's product,
// then those naming a product of its category, then the shop's general ones, and other products' last;
// an exact code still comes first and what was typed still filters. Over the shipped catalogue.
import { PhraseLibrarySchema } from '@kefu/shared/scenario/schema';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCatalogStore } from '../../client/src/stores/catalog.ts';
import { Composer } from '../../client/src/workbench/Composer.tsx';
import { matchPhrases, phraseRelevance, RELEVANCE } from '../../client/src/workbench/slash.ts';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { library } from './course-fixture.ts';
import { buyerSays, conversationView, setup, T0 } from './harness.tsx';

const PHRASE_LIBRARIES = readLibrary('scenarios')
  .filter((f) => f.path.includes('/phrases/'))
  .map((f) => PhraseLibrarySchema.parse(parse(f.text)));
const PRODUCTS = [...library.products.values()];
const catalog = createCatalogStore();
catalog.getState().setCatalog(PRODUCTS, PHRASE_LIBRARIES);
const { groups, products, phrases } = catalog.getState();
const groupOf = (id: string) => groups.find((g) => g.phrases.some((p) => p.id === id))?.name;

describe('phrase relevance', () => {
  it('ranks the buyer’s product, then its category, then general phrases, then other products’', () => {
    const relevance = phraseRelevance(groups, products, ['running-shoes']);
    const of = (id: string) => relevance.get(id);
    expect(of('shoes-fit')).toBe(RELEVANCE.product);
    expect(of('lip-shades')).toBe(RELEVANCE.otherProduct);
    // 坏果包赔 names no product, but its group (the oranges') does: it goes with the oranges.
    expect(of('orange-bad-fruit')).toBe(RELEVANCE.otherProduct);
    const general = phrases.filter((p) => of(p.id) === RELEVANCE.general).map((p) => groupOf(p.id));
    expect(general).toContain('问候');
    // 服装: a phrase naming the down jacket is the running shoes' category; a cream phrase beside it is not.
    expect(of('jacket-material')).toBe(RELEVANCE.category);
    const category = phrases.filter((p) => of(p.id) === RELEVANCE.category);
    for (const p of category) expect(`${p.title}${p.text}`).toMatch(/羽绒服|围巾|连体衣|衣服|跑步/);
  });

  it('offers the conversation’s phrases first for a bare `/`, library order among equals; an exact code first', () => {
    const shoes = matchPhrases(phrases, '', 8, phraseRelevance(groups, products, ['running-shoes']));
    expect(shoes.slice(0, 5).map((p) => groupOf(p.id))).toEqual(Array(5).fill('跑鞋'));
    const lipstick = matchPhrases(phrases, '', 8, phraseRelevance(groups, products, ['velvet-lipstick']));
    expect(groupOf(lipstick[0]!.id)).toBe('口红');
    // What was typed filters first; an exact code is offered first whatever it is about.
    const exact = phrases.find((p) => p.id === 'lip-shades')!.code;
    expect(matchPhrases(phrases, exact, 8, phraseRelevance(groups, products, ['running-shoes']))[0]!.id).toBe(
      'lip-shades',
    );
    for (const p of matchPhrases(phrases, 'px', 8, phraseRelevance(groups, products, ['velvet-lipstick'])))
      expect(p.code.startsWith('px')).toBe(true);
  });
});

describe('the composer’s `/` list', () => {
  it.each([
    ['running-shoes', '/px'],
    ['velvet-lipstick', '/kh'],
  ])('puts this buyer’s product first (%s: %s…)', async (product, code) => {
    const h = await setup();
    h.stores.catalog.getState().setCatalog(PRODUCTS, PHRASE_LIBRARIES);
    h.stores.conversations.getState().upsertView(conversationView('a', { products: [product] }));
    h.feed('a', { type: 'started', at: T0 }, buyerSays(T0 + 1_000, 'b1', '在吗？'));
    h.render(<Composer conversationId="a" />);
    await h.user.click(screen.getByRole('combobox', { name: '输入消息' }));
    await h.user.keyboard('/');
    expect(screen.getAllByRole('option')[0]!.textContent).toContain(code);
  });
});
