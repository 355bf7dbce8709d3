// The route table of the web app.
import { BrowserRouter, Route, Routes, useMatch } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { RequireSignIn } from './components/RequireSignIn.tsx';
import { AccountPage } from './features/account/AccountPage.tsx';
import { ApiReferencePage } from './features/apidocs/ApiReferencePage.tsx';
import { MagicLinkPage } from './features/auth/MagicLinkPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { VerifyEmailPage } from './features/auth/VerifyEmailPage.tsx';
import { WelcomePage } from './features/auth/WelcomePage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { JoinPage } from './features/labs/JoinPage.tsx';
import { LabFormPage } from './features/labs/LabFormPage.tsx';
import { LabPage } from './features/labs/LabPage.tsx';
import { LabsPage } from './features/labs/LabsPage.tsx';
import { TemplateFormPage } from './features/labs/TemplateFormPage.tsx';
import { TemplatesPage } from './features/labs/TemplatesPage.tsx';
import { TrendsPage } from './features/trends/TrendsPage.tsx';
import { KnowledgeItemPage } from './features/knowledge/KnowledgeItemPage.tsx';
import { KnowledgeListPage } from './features/knowledge/KnowledgeListPage.tsx';
import { LivePage } from './features/live/LivePage.tsx';
import { PresenterPage } from './features/live/PresenterPage.tsx';
import { PresenterSynthesisPage } from './features/synthesis/PresenterSynthesisPage.tsx';
import { SynthesisPage } from './features/synthesis/SynthesisPage.tsx';
import { MembersPage } from './features/orgs/MembersPage.tsx';
import { OrgProvider } from './features/orgs/OrgContext.tsx';
import { OrgHomePage } from './features/orgs/OrgHomePage.tsx';
import { OrgSettingsPage } from './features/orgs/OrgSettingsPage.tsx';
import { OutboxMessagePage } from './features/outbox/OutboxMessagePage.tsx';
import { OutboxPage } from './features/outbox/OutboxPage.tsx';
import { PlaceFormPage } from './features/places/PlaceFormPage.tsx';
import { PlacePage } from './features/places/PlacePage.tsx';
import { PlacesImportPage } from './features/places/PlacesImportPage.tsx';
import { PlacesPage } from './features/places/PlacesPage.tsx';
import { RegionFormPage } from './features/places/RegionFormPage.tsx';
import { RegionPage } from './features/places/RegionPage.tsx';
import { RegionsPage } from './features/places/RegionsPage.tsx';
import { ReportPage } from './features/reports/ReportPage.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

// The organisation in the URL themes the whole frame (header logo, brand colour), so its
// provider sits above the layout rather than inside the /o/:orgSlug routes.
function OrgAwareLayout() {
  const match = useMatch('/o/:orgSlug/*');
  return (
    <OrgProvider slug={match?.params.orgSlug ?? null}>
      <AppLayout />
    </OrgProvider>
  );
}

const signedIn = (page: React.ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

/** The whole app: session, router and every page. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          {/* The presenter view fills the big screen: no site header or navigation. */}
          <Route path="lab/:labId/presenter" element={<PresenterPage />} />
          <Route path="lab/:labId/presenter/synthesis" element={<PresenterSynthesisPage />} />
          <Route element={<OrgAwareLayout />}>
            <Route index element={<HomePage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="auth/link" element={<MagicLinkPage />} />
            <Route path="auth/verify" element={<VerifyEmailPage />} />
            <Route path="auth/reset" element={<ResetPasswordPage />} />
            <Route path="welcome" element={<WelcomePage />} />
            <Route path="account" element={signedIn(<AccountPage />)} />
            <Route path="api-reference" element={<ApiReferencePage />} />
            <Route path="join" element={<JoinPage />} />
            <Route path="join/:code" element={<JoinPage />} />
            <Route path="lab/:labId" element={<LivePage />} />
            <Route path="lab/:labId/synthesis" element={signedIn(<SynthesisPage />)} />
            <Route path="o/:orgSlug">
              <Route index element={signedIn(<OrgHomePage />)} />
              <Route path="members" element={signedIn(<MembersPage />)} />
              <Route path="settings" element={signedIn(<OrgSettingsPage />)} />
              <Route path="outbox" element={signedIn(<OutboxPage />)} />
              <Route path="outbox/:messageId" element={signedIn(<OutboxMessagePage />)} />
              <Route path="places" element={signedIn(<PlacesPage />)} />
              <Route path="places/new" element={signedIn(<PlaceFormPage />)} />
              <Route path="places/import" element={signedIn(<PlacesImportPage />)} />
              <Route path="places/:placeId" element={signedIn(<PlacePage />)} />
              <Route path="places/:placeId/edit" element={signedIn(<PlaceFormPage />)} />
              <Route path="regions" element={signedIn(<RegionsPage />)} />
              <Route path="regions/new" element={signedIn(<RegionFormPage />)} />
              <Route path="regions/:regionId" element={signedIn(<RegionPage />)} />
              <Route path="regions/:regionId/edit" element={signedIn(<RegionFormPage />)} />
              <Route path="labs" element={signedIn(<LabsPage />)} />
              <Route path="labs/new" element={signedIn(<LabFormPage />)} />
              <Route path="labs/:labId" element={signedIn(<LabPage />)} />
              <Route path="labs/:labId/edit" element={signedIn(<LabFormPage />)} />
              <Route path="labs/:labId/report" element={signedIn(<ReportPage />)} />
              <Route path="canvas-templates" element={signedIn(<TemplatesPage />)} />
              <Route path="canvas-templates/new" element={signedIn(<TemplateFormPage />)} />
              <Route path="canvas-templates/:templateId" element={signedIn(<TemplateFormPage />)} />
              <Route path="trends" element={signedIn(<TrendsPage />)} />
              <Route path="kennisbank" element={signedIn(<KnowledgeListPage />)} />
              <Route path="kennisbank/:itemId" element={signedIn(<KnowledgeItemPage />)} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
