import { defineSubgraph } from '../../kit/subgraph/define-subgraph';
import type { SubgraphContext } from '../../kit/subgraph/subgraph-context';
import { AcademicDocument } from './entities/academic-document.entity';
import { AdmissionRule } from './entities/admission-rule.entity';
import { Citizen, citizenStub } from './entities/citizen.entity';
import { College } from './entities/college.entity';
import { Department } from './entities/department.entity';
import { PostgraduateProgram } from './entities/postgraduate-program.entity';
import { University } from './entities/university.entity';
import { VerificationRequest } from './entities/verification-request.entity';
import { migrations } from './migrations';
import { BackgroundConsistency } from './outputs/background-consistency.output';
import { IssuanceVerification } from './outputs/issuance-verification.output';
import { AcademicDocumentResolver } from './resolvers/academic-document.resolver';
import { AdmissionRuleResolver } from './resolvers/admission-rule.resolver';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { CollegeResolver } from './resolvers/college.resolver';
import { DepartmentResolver } from './resolvers/department.resolver';
import { PostgraduateProgramResolver } from './resolvers/postgraduate-program.resolver';
import { UniversityResolver } from './resolvers/university.resolver';
import { VerificationRequestResolver } from './resolvers/verification-request.resolver';
import { seedHigherEducation } from './seed';

/**
 * Ministry of Higher Education and Scientific Research: universities, academic documents,
 * issuance verification (صحة صدور) and background consistency (انسجام الخلفية).
 */
export const higherEducation = defineSubgraph({
  name: 'higher-education',
  agency: 'MOHESR',
  port: 4005,
  // University first: the kit seeds when the first entity's table is empty.
  entities: [
    University,
    College,
    Department,
    AcademicDocument,
    VerificationRequest,
    PostgraduateProgram,
    AdmissionRule,
  ],
  resolvers: [
    UniversityResolver,
    CollegeResolver,
    DepartmentResolver,
    AcademicDocumentResolver,
    VerificationRequestResolver,
    PostgraduateProgramResolver,
    AdmissionRuleResolver,
    CitizenResolver,
  ],
  references: {
    Citizen: (ref: { nationalId: string }) => citizenStub(ref.nationalId),
    University: (ref: { id: string }, ctx: SubgraphContext) => ctx.loaders.one(University).load(ref.id),
    AcademicDocument: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(AcademicDocument).load(ref.id),
    PostgraduateProgram: (ref: { id: string }, ctx: SubgraphContext) =>
      ctx.loaders.one(PostgraduateProgram).load(ref.id),
  },
  migrations,
  // Whose personal data each answer carries, for the router's audit (the citizen's data tracker).
  subjects: {
    Citizen: (citizen: Citizen) => citizen.nationalId,
    AcademicDocument: (doc: AcademicDocument) => doc.holderNationalId,
    VerificationRequest: (request: VerificationRequest) => request.holderNationalId,
    IssuanceVerification: (answer: IssuanceVerification) => answer.subjectNationalId,
    BackgroundConsistency: (verdict: BackgroundConsistency) => verdict.applicant.nationalId,
  },
  seed: seedHigherEducation,
});
